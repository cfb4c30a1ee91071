import type { Messages } from './messages.ts';

export const fr: Messages = {
  TERN_BAD_REQUEST: "La demande n'a pas été comprise ; rien n'a été modifié. Prévenez votre administrateur.",
  TERN_AUTH_REQUIRED: 'Connectez-vous d’abord (en ligne).',
  TERN_AUTH_EXPIRED:
    'Votre session a pris fin : reconnectez-vous en ligne. Les fiches de cet appareil sont conservées.',
  TERN_AUTH_FAILED: "Nom d'utilisateur ou mot de passe incorrect.",
  TERN_AUTH_FORBIDDEN: "Votre compte n'est pas autorisé à faire cela ici.",
  TERN_USER_NOT_FOUND: "Aucun compte ne porte ce nom d'utilisateur.",
  TERN_CONFLICT: 'Cela existe déjà.',
  TERN_RATE_LIMITED: 'Trop de tentatives. Attendez une minute et réessayez.',
  TERN_MISSION_NOT_FOUND: 'Le serveur ne connaît pas cette mission.',
  TERN_NOT_FOUND: 'Introuvable : cela a peut-être été supprimé ou résolu entre-temps. Rechargez.',
  TERN_PAYLOAD_TOO_LARGE: 'L’envoi est trop volumineux pour le serveur. Envoyez moins à la fois.',
  TERN_CONFLICT_CHANGED: "Quelqu'un a synchronisé cette fiche entre-temps : rechargez et décidez à nouveau.",
  TERN_FORM_IMPORT_FAILED:
    "Le formulaire n'a pas pu être publié ; rien n'a été publié. Voyez les problèmes indiqués.",
  TERN_FORM_WARNINGS:
    'Le formulaire peut être publié, mais Tern laisse de côté ou fait autrement certaines choses. Lisez les avertissements, puis publiez avec eux.',
  TERN_STORE_FAILED:
    "Le serveur n'a pas pu enregistrer pour l'instant ; rien n'a été perdu. Réessayez plus tard.",
  TERN_INTERNAL:
    'Le serveur a rencontré un problème. Réessayez plus tard ; si cela continue, prévenez votre administrateur.',
  TERN_BAD_CHECKPOINT:
    "La position de synchronisation n'a pas été reconnue. Synchronisez depuis le début ; rien n'a été perdu.",
  TERN_TOO_MANY_FEEDS: 'Le serveur a trop de connexions ouvertes. Réessayez dans un instant.',
  TERN_ORIGIN_REFUSED: 'La demande venait d’un autre site web et a été refusée.',
  TERN_UNSUPPORTED_MEDIA_TYPE:
    'Le serveur attendait des données dans un autre format. Mettez l’application à jour.',
  TERN_DEVICE_NOT_YOURS: 'Cet appareil est enregistré au nom d’un autre compte de la mission.',
  TERN_DEVICE_RETIRED:
    'Cet appareil a été retiré par la mission : il ne peut plus se synchroniser. Rien n’y a été effacé. Connectez-vous sur un appareil enregistré, ou demandez à votre responsable des données.',
  TERN_DOC_INVALID: "Une fiche est endommagée ou incomplète et n'a pas été acceptée.",
  TERN_PROFILE_FIGURE_UNSEALED:
    "Un chiffre citant Tern n'est pas celui que Tern a calculé (modifié ou inventé sur un appareil) et n'a pas été accepté. Récupérez de nouveau les chiffres de Tern.",
  TERN_PROFILE_WRONG_COUNTRY:
    "Une édition de profil appartient à un autre pays (ou n'est pas une édition de profil) et n'a pas été acceptée.",
  TERN_DOC_WRONG_MISSION: "Une fiche appartient à une autre mission et n'a pas été acceptée.",
  TERN_REV_MISMATCH:
    "Une fiche ne correspond pas à sa propre révision (endommagée ou modifiée) et n'a pas été acceptée.",
  TERN_FORM_UNKNOWN: 'Le serveur ne connaît pas la version du formulaire utilisée par cette fiche.',
  TERN_RESPONSE_INVALID:
    'Certaines réponses enfreignent une règle du formulaire : corrigez-les et enregistrez de nouveau.',
  TERN_STORE_REJECTED: "Le serveur n'a pas pu stocker une fiche. Prévenez votre responsable des données.",
  TERN_REVIEW_FORBIDDEN: 'Seul un responsable des données peut approuver ou renvoyer une fiche.',
  TERN_DOC_TOO_LARGE: 'Une fiche est trop volumineuse ou trop imbriquée pour être acceptée.',
  TERN_DOC_RESERVED_FIELD: "Une fiche contient un champ réservé par Tern ; elle n'a pas été acceptée.",
  TERN_REV_HISTORY:
    "L'historique des modifications d'une fiche ne correspond pas à celui du serveur ; elle n'a pas été acceptée.",
  TERN_DELETE_FORBIDDEN:
    'Seul un responsable des données peut supprimer une fiche, et seulement en donnant un motif.',
  TERN_APPROVED_EDIT: 'Cette fiche a été approuvée : une modification doit la renvoyer en relecture.',
  TERN_CASE_NOT_ASSIGNED:
    'Ce dossier ne vous est pas attribué : demandez à un responsable des données de vous l’attribuer.',
  TERN_CASE_ASSIGN_FORBIDDEN:
    'Seul un responsable des données peut attribuer, transférer ou partager un dossier.',
  TERN_RELAY_AUTHOR_REFUSED:
    "Le siège n'a pas accepté un dossier transmis par le relais du bureau : son auteur n'est pas membre de la mission au siège.",
  TERN_RESEARCH_BUDGET_EXCEEDED:
    'Vous avez utilisé les requêtes de recherche du jour. Le quota se renouvelle à minuit (UTC).',
  TERN_ATTACHMENT_TOO_LARGE:
    'Ce fichier dépasse la taille permise par la mission ; il n’a pas été enregistré. Joignez un fichier plus petit ou une photo de plus basse résolution.',
  TERN_ATTACHMENT_NOT_REFERENCED:
    'Aucun enregistrement de cette mission ne nomme encore ce fichier. Synchronisez d’abord l’enregistrement, puis ses fichiers.',
  TERN_ATTACHMENT_RANGE:
    'L’envoi s’est désynchronisé avec le serveur ; il reprend à partir des octets que le serveur détient.',
  TERN_EXPORT_TOO_LARGE:
    'Cet export est trop volumineux pour un seul fichier zip (plus de 65 535 fichiers ou 4 Go). Exportez un formulaire à la fois.',
  TERN_ATTACHMENT_NOT_AT_RELAY:
    'Ce fichier n’est pas encore arrivé dans ce bureau. Il est demandé au siège en premier au prochain échange ; rouvrez-le plus tard.',
  TERN_ATTACHMENT_DIGEST_MISMATCH:
    'Le fichier est arrivé endommagé (son contenu ne correspond pas) ; le serveur l’a écarté et l’envoi recommence.',
  TERN_NETWORK: 'Impossible de joindre le serveur. Vérifiez la connexion et réessayez.',
  TERN_HTTP: 'Le serveur a refusé la demande sans en donner la raison. Réessayez plus tard.',
  TERN_RESPONSE_CUT: "La réponse du serveur a été coupée. Réessayez ; rien n'a été appliqué.",
  TERN_RESPONSE_UNEXPECTED:
    "La réponse du serveur n'est pas celle qu'attend cette application. Mettez-la à jour ou prévenez votre administrateur.",
  TERN_NO_DEVICE_NUMBER:
    "Cet appareil n'a pas encore de numéro dans la mission et ne peut donc pas créer de codes de dossier. Connectez-vous une fois en ligne.",
  TERN_CASE_TRANSITION: 'Le dossier ne peut pas passer à ce statut depuis son statut actuel.',
  TERN_CASE_ASSIGNMENT: 'Choisissez un enquêteur autre que celui qui détient le dossier.',
  TERN_FORMS_DEFINITION_INVALID:
    "La définition du formulaire n'est pas valide : voyez les problèmes indiqués.",
  TERN_FORMS_EXPRESSION: "Une règle ou un calcul du formulaire n'est pas valide.",
  TERN_STORE_BAD_MISSION:
    "L'identifiant d'une mission ne peut contenir que des minuscules, des chiffres et « - ».",
  TERN_STORE_UNAVAILABLE: 'Le stockage des données ne peut pas être ouvert. Prévenez votre administrateur.',
  TERN_STORE_NOT_FOUND: 'Le dossier ou la version demandés ne sont pas dans le stockage.',
  TERN_STORE_CONFLICT: "Quelqu'un l'a modifié avant vous. Rouvrez-le et refaites votre modification.",
  TERN_STORE_INVALID: 'Le stockage ne peut pas accepter ce document tel quel. Prévenez votre administrateur.',
  TERN_STORE_DOC_TOO_DEEP: "Le document est trop imbriqué pour être enregistré. Rien n'a été modifié.",
  TERN_RESEARCH_UNKNOWN_DIMENSION:
    'Ce tableau ne peut pas utiliser cette dimension ; choisissez-en une de la liste.',
  TERN_RESEARCH_TOO_MANY_DIMENSIONS: 'Un tableau a au plus trois dimensions.',
  TERN_RESEARCH_BAD_QUERY: "La requête est mal formée ; rien n'a été compté.",
  TERN_RESEARCH_MISSION_NOT_GRANTED: 'La recherche sur cette mission ne vous a pas été accordée.',
  TERN_RESEARCH_BAD_PARAMETER:
    "Un réglage de protection est hors limites (k n'est jamais sous 11). Prévenez votre administrateur.",
  TERN_RESEARCH_STORE_FAILED:
    'Les chiffres de recherche ne peuvent pas être calculés pour le moment. Réessayez plus tard.',
  TERN_RESEARCH_IMPORT_REJECTED:
    "Rien n'a été importé : certaines lignes sont fausses. Voyez chaque ligne et sa raison.",
  TERN_DEMOGRAPHY_BAD_INPUT:
    'Les données de la projection ne concordent pas (tailles, taux ou conventions) ; le détail dit lesquelles.',
  TERN_DEMOGRAPHY_IMPORT_REJECTED:
    "Rien n'a été importé : certaines lignes des données sont fausses. Voyez chaque numéro de ligne et sa raison.",
  TERN_DEMOGRAPHY_INDICATOR_INVALID:
    "Des valeurs d'indicateur ont été refusées : chacune doit avoir un indicateur connu, son unité, un lieu, une année et une source.",
  TERN_PROFILE_INVALID: "Le document du profil n'est pas valide ; les détails nomment chaque champ erroné.",
  TERN_PROFILE_IMPORT_REJECTED:
    "Rien n'a été importé : des lignes du fichier sont erronées. Voyez chaque ligne et sa raison.",
  TERN_PROFILE_TRANSITION_REFUSED:
    "Cette étape du circuit de l'édition n'est pas permise maintenant, ou pas pour votre rôle.",
  TERN_PROFILE_FROZEN:
    "Cette édition est publiée et ne peut plus changer. Commencez l'édition suivante pour modifier.",
  TERN_MATCHING_BAD_INPUT:
    "La fiche de la personne ne peut pas être rapprochée : un champ n'a pas la forme attendue (le détail nomme la fiche et le champ).",
  'HTTP_<status>': 'Le serveur ou le réseau a refusé la demande ({status}). Réessayez plus tard.',
};
