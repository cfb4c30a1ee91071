// The relay status page's words (decision 197), in the languages the app speaks: English, Arabic,
// French, Spanish, Russian. Counts, times and headquarters' own words are shown as they are.

/** "раз" after 1, 21…; "раза" after 2–4, 22–24…; "раз" after 5–20… (Intl's plural categories). */
const RU_TIMES: Record<string, string> = { one: 'раз', few: 'раза', many: 'раз', other: 'раза' };

export const WORDS = {
  en: {
    title: 'Mission relay',
    upstream: 'Headquarters',
    lastContact: 'Last contact with headquarters',
    lastComplete: 'Last complete exchange',
    never: 'never since the relay started',
    ok: 'The link works: nothing is waiting on an error.',
    problem: 'Problem',
    mission: 'Mission',
    up: 'Waiting to go to headquarters',
    down: 'Waiting to come from headquarters',
    unknown: 'unknown',
    refused: 'Refused by headquarters (kept on this relay, sent again by itself)',
    refusedCount: (shown: number, total: number) =>
      shown < total ? `the ${shown} most recent of ${total}` : `${total}`,
    tries: (n: number) => (n === 1 ? 'refused once' : `refused ${n} times`),
    nextTry: 'next try',
    authorHint:
      'The account that made this record is not known, not enabled or not in this mission at headquarters. An administrator at headquarters can fix the account; the relay sends the record again by itself.',
    none: 'none',
    accounts: 'Field accounts kept here',
    login: 'Log in to Tern on this server first, then open this page again.',
    asOf: 'As of (reload the page to see the latest)',
    files: 'Files of media answers (photos, recordings, documents)',
    filesUp: 'Files waiting to go to headquarters',
    filesDown: 'Files waiting to come from headquarters',
    filesOnTablets: 'Files still only on the tablets that took them',
    filesUnseen: 'Files not looked at yet',
    filesErrors: 'Files that could not move (tried again by itself)',
    filesAtRelay:
      'Files are checked by their fingerprint (sha-256) on arrival; a tablet counts its file as safe only once headquarters has it.',
  },
  ar: {
    title: 'مرحّل البعثة',
    upstream: 'المقر',
    lastContact: 'آخر اتصال بالمقر',
    lastComplete: 'آخر تبادل كامل',
    never: 'لم يحدث منذ تشغيل المرحّل',
    ok: 'الاتصال يعمل: لا شيء ينتظر بسبب خطأ.',
    problem: 'مشكلة',
    mission: 'البعثة',
    up: 'بانتظار الإرسال إلى المقر',
    down: 'بانتظار الوصول من المقر',
    unknown: 'غير معروف',
    refused: 'رفضها المقر (تبقى على هذا المرحّل ويعيد إرسالها تلقائياً)',
    refusedCount: (shown: number, total: number) =>
      shown < total ? `أحدث ${shown} من ${total}` : `${total}`,
    tries: (n: number) => (n === 1 ? 'رُفض مرة واحدة' : `رُفض ${n} مرات`),
    nextTry: 'المحاولة التالية',
    authorHint:
      'الحساب الذي أنشأ هذا السجل غير معروف أو غير مفعّل أو ليس في هذه البعثة في المقر. يمكن لمسؤول في المقر إصلاح الحساب، ويعيد المرحّل إرسال السجل تلقائياً.',
    none: 'لا شيء',
    accounts: 'حسابات ميدانية محفوظة هنا',
    login: 'سجّل الدخول إلى Tern على هذا الخادم أولاً، ثم افتح هذه الصفحة مجدداً.',
    asOf: 'الحالة في (أعد تحميل الصفحة لرؤية الأحدث)',
    files: 'ملفات الإجابات الوسائطية (صور، تسجيلات، مستندات)',
    filesUp: 'ملفات بانتظار الإرسال إلى المقر',
    filesDown: 'ملفات بانتظار الوصول من المقر',
    filesOnTablets: 'ملفات ما زالت على الأجهزة اللوحية التي التقطتها فقط',
    filesUnseen: 'ملفات لم يُنظر فيها بعد',
    filesErrors: 'ملفات تعذّر نقلها (يُعاد المحاولة تلقائياً)',
    filesAtRelay:
      'يُتحقق من كل ملف ببصمته (sha-256) عند وصوله؛ ولا يعدّ الجهاز اللوحي ملفه آمناً إلا بعد أن يصل إلى المقر.',
  },
  fr: {
    title: 'Relais de la mission',
    upstream: 'Siège',
    lastContact: 'Dernier contact avec le siège',
    lastComplete: 'Dernier échange complet',
    never: 'jamais depuis le démarrage du relais',
    ok: 'La liaison fonctionne : rien n’attend à cause d’une erreur.',
    problem: 'Problème',
    mission: 'Mission',
    up: 'En attente d’envoi au siège',
    down: 'En attente de réception du siège',
    unknown: 'inconnu',
    refused: 'Refusés par le siège (gardés sur ce relais, renvoyés automatiquement)',
    refusedCount: (shown: number, total: number) =>
      shown < total ? `les ${shown} plus récents sur ${total}` : `${total}`,
    tries: (n: number) => (n === 1 ? 'refusé une fois' : `refusé ${n} fois`),
    nextTry: 'prochain essai',
    authorHint:
      'Le compte qui a créé cet enregistrement est inconnu, désactivé ou hors de cette mission au siège. Un administrateur du siège peut corriger le compte ; le relais renvoie l’enregistrement automatiquement.',
    none: 'aucun',
    accounts: 'Comptes de terrain gardés ici',
    login: 'Connectez-vous d’abord à Tern sur ce serveur, puis rouvrez cette page.',
    asOf: 'État au (rechargez la page pour voir le plus récent)',
    files: 'Fichiers des réponses médias (photos, enregistrements, documents)',
    filesUp: 'Fichiers en attente d’envoi au siège',
    filesDown: 'Fichiers en attente de réception du siège',
    filesOnTablets: 'Fichiers encore seulement sur les tablettes qui les ont pris',
    filesUnseen: 'Fichiers pas encore examinés',
    filesErrors: 'Fichiers qui n’ont pas pu passer (réessayés automatiquement)',
    filesAtRelay:
      'Chaque fichier est vérifié par son empreinte (sha-256) à l’arrivée ; une tablette ne tient son fichier pour sauf qu’une fois au siège.',
  },
  es: {
    title: 'Relé de la misión',
    upstream: 'Sede',
    lastContact: 'Último contacto con la sede',
    lastComplete: 'Último intercambio completo',
    never: 'nunca desde que se inició el relé',
    ok: 'El enlace funciona: nada está esperando por un error.',
    problem: 'Problema',
    mission: 'Misión',
    up: 'Pendiente de enviar a la sede',
    down: 'Pendiente de recibir de la sede',
    unknown: 'desconocido',
    refused: 'Rechazados por la sede (se guardan en este relé y se reenvían solos)',
    refusedCount: (shown: number, total: number) =>
      shown < total ? `los ${shown} más recientes de ${total}` : `${total}`,
    tries: (n: number) => (n === 1 ? 'rechazado una vez' : `rechazado ${n} veces`),
    nextTry: 'próximo intento',
    authorHint:
      'La cuenta que creó este registro no se conoce, no está habilitada o no pertenece a esta misión en la sede. Un administrador de la sede puede corregir la cuenta; el relé vuelve a enviar el registro solo.',
    none: 'ninguno',
    accounts: 'Cuentas de campo guardadas aquí',
    login: 'Inicie sesión primero en Tern en este servidor y vuelva a abrir esta página.',
    asOf: 'Estado a las (recargue la página para ver lo más reciente)',
    files: 'Archivos de respuestas multimedia (fotos, grabaciones, documentos)',
    filesUp: 'Archivos pendientes de enviar a la sede',
    filesDown: 'Archivos pendientes de recibir de la sede',
    filesOnTablets: 'Archivos que solo están aún en las tabletas que los tomaron',
    filesUnseen: 'Archivos aún no revisados',
    filesErrors: 'Archivos que no pudieron pasar (se reintentan solos)',
    filesAtRelay:
      'Cada archivo se comprueba por su huella (sha-256) al llegar; una tableta da su archivo por seguro solo cuando está en la sede.',
  },
  ru: {
    title: 'Ретранслятор миссии',
    upstream: 'Штаб-квартира',
    lastContact: 'Последняя связь со штаб-квартирой',
    lastComplete: 'Последний полный обмен',
    never: 'ни разу с запуска ретранслятора',
    ok: 'Связь работает: ничего не ждёт из-за ошибки.',
    problem: 'Проблема',
    mission: 'Миссия',
    up: 'Ожидает отправки в штаб-квартиру',
    down: 'Ожидает получения из штаб-квартиры',
    unknown: 'неизвестно',
    refused: 'Отклонено штаб-квартирой (хранится на этом ретрансляторе и отправляется повторно само)',
    refusedCount: (shown: number, total: number) =>
      shown < total ? `последние ${shown} из ${total}` : `${total}`,
    tries: (n: number) => `отклонено ${n} ${RU_TIMES[new Intl.PluralRules('ru').select(n)] ?? 'раз'}`,
    nextTry: 'следующая попытка',
    authorHint:
      'Учётная запись, создавшая эту запись, неизвестна, не включена или не входит в эту миссию в штаб-квартире. Администратор штаб-квартиры может исправить учётную запись; ретранслятор отправит запись повторно сам.',
    none: 'нет',
    accounts: 'Полевые учётные записи, хранящиеся здесь',
    login: 'Сначала войдите в Tern на этом сервере, затем снова откройте эту страницу.',
    asOf: 'По состоянию на (обновите страницу, чтобы увидеть последние данные)',
    files: 'Файлы медиаответов (фото, записи, документы)',
    filesUp: 'Файлы, ожидающие отправки в штаб-квартиру',
    filesDown: 'Файлы, ожидающие получения из штаб-квартиры',
    filesOnTablets: 'Файлы, которые пока есть только на планшетах, где их сняли',
    filesUnseen: 'Файлы, ещё не проверенные',
    filesErrors: 'Файлы, которые не удалось передать (повтор произойдёт сам)',
    filesAtRelay:
      'Каждый файл проверяется по отпечатку (sha-256) при получении; планшет считает свой файл сохранённым только когда он в штаб-квартире.',
  },
} as const;

export type Lang = keyof typeof WORDS;

/**
 * The language of the page from the browser's Accept-Language: the first of its languages, by
 * q-value and then by order, that the page has (`fr-CA` is French); English when none.
 */
export function language(acceptLanguage: string): Lang {
  const asked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.split('-')[0]!.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((a) => a.q > 0 && Number.isFinite(a.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const a of asked) if (Object.hasOwn(WORDS, a.primary)) return a.primary as Lang;
  return 'en';
}
