import type { Messages } from './messages.ts';

export const es: Messages = {
  TERN_BAD_REQUEST: 'No se entendió la solicitud, así que no se cambió nada. Avise a su administrador.',
  TERN_AUTH_REQUIRED: 'Inicie sesión primero (con conexión).',
  TERN_AUTH_EXPIRED:
    'Su sesión terminó: inicie sesión de nuevo con conexión. Los registros de este dispositivo se conservan.',
  TERN_AUTH_FAILED: 'Usuario o contraseña incorrectos.',
  TERN_AUTH_FORBIDDEN: 'Su cuenta no puede hacer esto aquí.',
  TERN_USER_NOT_FOUND: 'No hay ninguna cuenta con ese nombre de usuario.',
  TERN_CONFLICT: 'Ya existe.',
  TERN_RATE_LIMITED: 'Demasiados intentos. Espere un minuto y vuelva a intentarlo.',
  TERN_MISSION_NOT_FOUND: 'El servidor no conoce esta misión.',
  TERN_NOT_FOUND: 'No encontrado: quizá se eliminó o se resolvió mientras tanto. Recargue.',
  TERN_PAYLOAD_TOO_LARGE: 'Lo enviado es demasiado grande para el servidor. Envíe menos cada vez.',
  TERN_CONFLICT_CHANGED: 'Alguien sincronizó este registro mientras tanto: recargue y decida de nuevo.',
  TERN_FORM_IMPORT_FAILED:
    'No se pudo publicar el formulario; no se publicó nada. Vea los problemas indicados.',
  TERN_FORM_WARNINGS:
    'El formulario se puede publicar, pero Tern omite algunas cosas o las hace de otro modo. Lea las advertencias y luego publique con ellas.',
  TERN_STORE_FAILED: 'El servidor no pudo guardar en este momento; no se perdió nada. Inténtelo más tarde.',
  TERN_INTERNAL: 'El servidor tuvo un problema. Inténtelo más tarde; si continúa, avise a su administrador.',
  TERN_BAD_CHECKPOINT:
    'No se reconoció la posición de sincronización. Sincronice desde el principio; no se perdió nada.',
  TERN_TOO_MANY_FEEDS: 'El servidor tiene demasiadas conexiones abiertas. Inténtelo de nuevo en un momento.',
  TERN_ORIGIN_REFUSED: 'La solicitud venía de otro sitio web y fue rechazada.',
  TERN_UNSUPPORTED_MEDIA_TYPE: 'El servidor esperaba los datos en otro formato. Actualice la aplicación.',
  TERN_DEVICE_NOT_YOURS: 'Este dispositivo está registrado a nombre de otra cuenta de la misión.',
  TERN_DEVICE_RETIRED:
    'La misión retiró este dispositivo: ya no puede sincronizar. No se borró nada en él. Inicie sesión en un dispositivo registrado o consulte a su responsable de datos.',
  TERN_DOC_INVALID: 'Un registro está dañado o incompleto y no fue aceptado.',
  TERN_PROFILE_FIGURE_UNSEALED:
    'Una cifra que cita a Tern no es la que Tern calculó (modificada o inventada en un dispositivo) y no se aceptó. Vuelva a obtener las cifras de Tern.',
  TERN_PROFILE_WRONG_COUNTRY:
    'Una edición de perfil pertenece a otro país (o no es una edición de perfil) y no fue aceptada.',
  TERN_DOC_WRONG_MISSION: 'Un registro pertenece a otra misión y no fue aceptado.',
  TERN_REV_MISMATCH: 'Un registro no coincide con su propia revisión (dañado o alterado) y no fue aceptado.',
  TERN_FORM_UNKNOWN: 'El servidor no conoce la versión del formulario que usa este registro.',
  TERN_RESPONSE_INVALID:
    'Algunas respuestas incumplen una regla del formulario: corríjalas y guarde de nuevo.',
  TERN_STORE_REJECTED: 'El servidor no pudo almacenar un registro. Avise a su responsable de datos.',
  TERN_REVIEW_FORBIDDEN: 'Solo un responsable de datos puede aprobar o devolver un registro.',
  TERN_DOC_TOO_LARGE: 'Un registro es demasiado grande o está demasiado anidado para ser aceptado.',
  TERN_DOC_RESERVED_FIELD: 'Un registro contiene un campo reservado por Tern, así que no fue aceptado.',
  TERN_REV_HISTORY:
    'El historial de cambios de un registro no coincide con el del servidor, así que no fue aceptado.',
  TERN_DELETE_FORBIDDEN:
    'Solo un responsable de datos puede eliminar un registro, y solo indicando un motivo.',
  TERN_APPROVED_EDIT: 'Este registro fue aprobado: una modificación debe devolverlo a revisión.',
  TERN_CASE_NOT_ASSIGNED:
    'Este caso no está asignado a usted: pida a un responsable de datos que se lo asigne.',
  TERN_CASE_ASSIGN_FORBIDDEN: 'Solo un responsable de datos puede asignar, transferir o compartir un caso.',
  TERN_RELAY_AUTHOR_REFUSED:
    'La sede no aceptó un registro que trajo el relé de la oficina: su autor no es miembro de la misión en la sede.',
  TERN_RESEARCH_BUDGET_EXCEEDED:
    'Ha agotado las consultas de investigación de hoy. El cupo se renueva a medianoche (UTC).',
  TERN_ATTACHMENT_TOO_LARGE:
    'Este archivo supera el tamaño que permite la misión; no se guardó. Adjunte un archivo más pequeño o una foto de menor resolución.',
  TERN_ATTACHMENT_NOT_REFERENCED:
    'Ningún registro de esta misión nombra todavía este archivo. Sincronice primero el registro y después sus archivos.',
  TERN_ATTACHMENT_RANGE:
    'El envío se desfasó con el servidor; continúa desde los bytes que el servidor ya tiene.',
  TERN_EXPORT_TOO_LARGE:
    'Esta exportación es demasiado grande para un solo archivo zip (más de 65 535 archivos o 4 GB). Exporte un formulario a la vez.',
  TERN_ATTACHMENT_NOT_AT_RELAY:
    'Este archivo aún no ha llegado a esta oficina. Se pide a la sede en primer lugar en el próximo intercambio; vuelva a abrirlo más tarde.',
  TERN_ATTACHMENT_DIGEST_MISMATCH:
    'El archivo llegó dañado (su contenido no coincide); el servidor lo descartó y el envío vuelve a empezar.',
  TERN_NETWORK: 'No se pudo contactar con el servidor. Compruebe la conexión e inténtelo de nuevo.',
  TERN_HTTP: 'El servidor rechazó la solicitud sin decir por qué. Inténtelo más tarde.',
  TERN_RESPONSE_CUT: 'La respuesta del servidor se cortó. Inténtelo de nuevo; no se aplicó nada.',
  TERN_RESPONSE_UNEXPECTED:
    'La respuesta del servidor no es la que espera esta aplicación. Actualícela o avise a su administrador.',
  TERN_NO_DEVICE_NUMBER:
    'Este dispositivo aún no tiene número en la misión, así que no puede crear códigos de caso. Conéctese e inicie sesión una vez.',
  TERN_CASE_TRANSITION: 'El caso no puede pasar a ese estado desde el estado actual.',
  TERN_CASE_ASSIGNMENT: 'Elija un entrevistador distinto del que tiene el caso ahora.',
  TERN_FORMS_DEFINITION_INVALID: 'La definición del formulario no es válida: vea los problemas indicados.',
  TERN_FORMS_EXPRESSION: 'Una regla o un cálculo del formulario no es válido.',
  TERN_STORE_BAD_MISSION: 'El identificador de una misión solo puede tener minúsculas, cifras y «-».',
  TERN_STORE_UNAVAILABLE: 'No se puede abrir el almacén de datos. Avise a su administrador.',
  TERN_STORE_NOT_FOUND: 'El registro o la versión pedidos no están en el almacén.',
  TERN_STORE_CONFLICT: 'Alguien lo cambió antes. Ábralo de nuevo y repita su cambio.',
  TERN_STORE_INVALID: 'El almacén no puede aceptar este documento tal como está. Avise a su administrador.',
  TERN_STORE_DOC_TOO_DEEP:
    'El documento está anidado a demasiada profundidad para guardarse. No se cambió nada.',
  TERN_RESEARCH_UNKNOWN_DIMENSION: 'Esta tabla no puede usar esa dimensión; elija una de la lista.',
  TERN_RESEARCH_TOO_MANY_DIMENSIONS: 'Una tabla tiene como máximo tres dimensiones.',
  TERN_RESEARCH_BAD_QUERY: 'La consulta no está bien formada; no se contó nada.',
  TERN_RESEARCH_MISSION_NOT_GRANTED: 'No se le ha concedido investigar esa misión.',
  TERN_RESEARCH_BAD_PARAMETER:
    'Un ajuste de protección está fuera de límites (k nunca es menor que 11). Avise a su administrador.',
  TERN_RESEARCH_STORE_FAILED: 'Las cifras de investigación no se pueden calcular ahora. Inténtelo más tarde.',
  TERN_RESEARCH_IMPORT_REJECTED:
    'No se importó nada: algunas filas son incorrectas. Vea cada línea y su motivo.',
  TERN_DEMOGRAPHY_BAD_INPUT:
    'Los datos de la proyección no concuerdan (tamaños, tasas o convenciones); el detalle indica cuáles.',
  TERN_DEMOGRAPHY_IMPORT_REJECTED:
    'No se importó nada: algunas filas de los datos son incorrectas. Vea cada número de fila y su motivo.',
  TERN_DEMOGRAPHY_INDICATOR_INVALID:
    'Se rechazaron valores de indicadores: cada uno necesita un indicador conocido, su unidad, un lugar, un año y una fuente.',
  TERN_PROFILE_INVALID: 'El documento del perfil no es válido; los detalles nombran cada campo erróneo.',
  TERN_PROFILE_IMPORT_REJECTED:
    'No se importó nada: algunas filas del archivo son erróneas. Vea cada línea y su motivo.',
  TERN_PROFILE_TRANSITION_REFUSED:
    'Este paso del flujo de la edición no está permitido ahora, o no para su función.',
  TERN_PROFILE_FROZEN:
    'Esta edición está publicada y ya no puede cambiar. Inicie la siguiente edición para editar.',
  TERN_MATCHING_BAD_INPUT:
    'El registro de la persona no se puede cotejar: un campo no tiene la forma esperada (el detalle indica el registro y el campo).',
  'HTTP_<status>': 'El servidor o la red rechazó la solicitud ({status}). Inténtelo más tarde.',
};
