/**
 * Name pools of the evaluation set: each name with its Latin spellings (the first is the commonest),
 * and its Arabic and Cyrillic writing where people of that origin are met written so. Earlier names
 * in a pool are drawn more often (Zipf), so common names repeat as they do in the field.
 */
export interface NameForms {
  readonly latin: readonly string[];
  readonly arabic?: string;
  readonly cyrillic?: string;
}

export interface Origin {
  readonly id: string;
  readonly countries: readonly (readonly [iso3: string, places: readonly string[]])[];
  readonly male: readonly NameForms[];
  readonly female: readonly NameForms[];
  readonly family: readonly NameForms[];
  /** Given names per person (Vietnamese "Thị Lan" has two). */
  readonly givenCount: 1 | 2;
}

const n = (latin: string, arabic?: string, cyrillic?: string): NameForms => ({
  latin: latin.split('|'),
  ...(arabic && { arabic }),
  ...(cyrillic && { cyrillic }),
});

export const ORIGINS: readonly Origin[] = [
  {
    id: 'arabic',
    countries: [
      ['SYR', ['Aleppo', 'Damascus', 'Homs', 'Idlib', 'Hama', 'Latakia', 'Deir ez-Zor', 'Raqqa', 'Daraa']],
      ['IRQ', ['Mosul', 'Baghdad', 'Basra', 'Erbil', 'Kirkuk', 'Najaf', 'Karbala', 'Fallujah']],
      ['SDN', ['Khartoum', 'Omdurman', 'Kassala', 'Port Sudan', 'El Obeid', 'Nyala', 'Wad Madani']],
      ['EGY', ['Cairo', 'Alexandria', 'Asyut', 'Luxor', 'Tanta', 'Mansoura', 'Sohag', 'Minya']],
      ['MAR', ['Casablanca', 'Fes', 'Tangier', 'Oujda', 'Nador', 'Beni Mellal', 'Agadir', 'Marrakesh']],
    ],
    givenCount: 1,
    male: [
      n('Mohammed|Muhammad|Mohamed|Mohamad', 'محمد', 'Мухаммед'),
      n('Ahmed|Ahmad', 'أحمد', 'Ахмед'),
      n('Ali', 'علي', 'Али'),
      n('Omar|Umar', 'عمر', 'Омар'),
      n('Hassan|Hasan', 'حسن', 'Хасан'),
      n('Hussein|Hussain|Husayn', 'حسين', 'Хусейн'),
      n('Ibrahim|Ebrahim', 'إبراهيم', 'Ибрагим'),
      n('Youssef|Yusuf|Yousef', 'يوسف', 'Юсуф'),
      n('Khalid|Khaled', 'خالد', 'Халид'),
      n('Abdullah|Abdallah', 'عبد الله', 'Абдулла'),
      n('Mustafa|Mostafa', 'مصطفى', 'Мустафа'),
      n('Karim|Kareem', 'كريم', 'Карим'),
      n('Tariq|Tarek', 'طارق', 'Тарик'),
      n('Hamza|Hamzah', 'حمزة', 'Хамза'),
      n('Bilal', 'بلال', 'Билал'),
      n('Walid|Waleed', 'وليد', 'Валид'),
    ],
    female: [
      n('Fatima|Fatma|Fatimah', 'فاطمة', 'Фатима'),
      n('Aisha|Aicha|Ayesha', 'عائشة', 'Аиша'),
      n('Khadija|Khadidja', 'خديجة', 'Хадиджа'),
      n('Mariam|Maryam|Meryem', 'مريم', 'Марьям'),
      n('Zainab|Zeinab|Zaynab', 'زينب', 'Зейнаб'),
      n('Amina|Aminah', 'أمينة', 'Амина'),
      n('Layla|Leila|Laila', 'ليلى', 'Лейла'),
      n('Nour|Noor|Nur', 'نور', 'Нур'),
      n('Huda|Hoda', 'هدى', 'Худа'),
      n('Salma', 'سلمى', 'Сальма'),
      n('Rania', 'رانيا', 'Рания'),
      n('Yasmin|Yasmine', 'ياسمين', 'Ясмин'),
      n('Samira|Sameera', 'سميرة', 'Самира'),
      n('Hana|Hanaa', 'هناء', 'Хана'),
    ],
    family: [
      n('Haddad', 'حداد', 'Хаддад'),
      n('Mansour|Mansur', 'منصور', 'Мансур'),
      n('Nasser|Naser', 'ناصر', 'Насер'),
      n('Khalil', 'خليل', 'Халил'),
      n('Saleh|Salih', 'صالح', 'Салех'),
      n('Hamdan', 'حمدان', 'Хамдан'),
      n('Darwish|Darweesh', 'درويش', 'Дарвиш'),
      n('Qasim|Kassem|Qassim', 'قاسم', 'Касим'),
      n('Othman|Osman|Uthman', 'عثمان', 'Осман'),
      n('Rashid|Rachid', 'رشيد', 'Рашид'),
      n('Abbas', 'عباس', 'Аббас'),
      n('Jaber|Jabir', 'جابر', 'Джабер'),
      n('Farouk|Faruq', 'فاروق', 'Фарук'),
      n('Suleiman|Sulaiman|Slimane', 'سليمان', 'Сулейман'),
      n('Yassin|Yasin|Yacine', 'ياسين', 'Ясин'),
      n('Al-Hassan|Alhassan', 'الحسن', 'Аль-Хасан'),
      n('Bakri|Bakry', 'بكري', 'Бакри'),
      n('Shami|Chami', 'شامي', 'Шами'),
      n('Masri|Elmasry', 'مصري', 'Масри'),
      n('Zidan|Zeidan', 'زيدان', 'Зидан'),
      n('Idris|Idriss', 'إدريس', 'Идрис'),
      n('Awad|Awwad', 'عواد', 'Авад'),
      n('Halabi', 'حلبي', 'Халаби'),
      n('Najjar|Naggar', 'نجار', 'Наджар'),
    ],
  },
  {
    id: 'east-slavic',
    countries: [
      ['UKR', ['Kharkiv', 'Odesa', 'Dnipro', 'Lviv', 'Zaporizhzhia', 'Mykolaiv', 'Kherson', 'Poltava', 'Vinnytsia']],
      ['MDA', ['Chisinau', 'Balti', 'Cahul', 'Soroca', 'Orhei', 'Ungheni']],
      ['RUS', ['Rostov', 'Krasnodar', 'Voronezh', 'Samara', 'Saratov', 'Volgograd']],
    ],
    givenCount: 1,
    male: [
      n('Oleksandr|Aleksandr|Alexander', undefined, 'Олександр'),
      n('Dmytro|Dmitri|Dmitry', undefined, 'Дмитро'),
      n('Serhii|Sergei|Sergiy', undefined, 'Сергій'),
      n('Andrii|Andrei|Andriy', undefined, 'Андрій'),
      n('Mykola|Nikolai', undefined, 'Микола'),
      n('Ivan', undefined, 'Іван'),
      n('Yurii|Yuri|Iurii', undefined, 'Юрій'),
      n('Vasyl|Vasily', undefined, 'Василь'),
      n('Bohdan|Bogdan', undefined, 'Богдан'),
    ],
    female: [
      n('Olena|Elena|Olena', undefined, 'Олена'),
      n('Oksana', undefined, 'Оксана'),
      n('Nataliia|Natalia|Natalya', undefined, 'Наталія'),
      n('Iryna|Irina', undefined, 'Ірина'),
      n('Tetiana|Tatiana|Tetyana', undefined, 'Тетяна'),
      n('Svitlana|Svetlana', undefined, 'Світлана'),
      n('Yuliia|Yulia|Julia', undefined, 'Юлія'),
      n('Kateryna|Ekaterina|Katerina', undefined, 'Катерина'),
      n('Halyna|Galina', undefined, 'Галина'),
    ],
    family: [
      n('Kovalenko', undefined, 'Коваленко'),
      n('Shevchenko|Shevtchenko', undefined, 'Шевченко'),
      n('Bondarenko', undefined, 'Бондаренко'),
      n('Tkachenko|Tkatchenko', undefined, 'Ткаченко'),
      n('Kravchenko', undefined, 'Кравченко'),
      n('Melnyk|Melnik', undefined, 'Мельник'),
      n('Koval', undefined, 'Коваль'),
      n('Petrenko', undefined, 'Петренко'),
      n('Boiko|Boyko', undefined, 'Бойко'),
      n('Lysenko|Lisenko', undefined, 'Лисенко'),
      n('Moroz', undefined, 'Мороз'),
      n('Rudenko', undefined, 'Руденко'),
      n('Savchenko', undefined, 'Савченко'),
      n('Ponomarenko', undefined, 'Пономаренко'),
      n('Marchenko', undefined, 'Марченко'),
      n('Ciobanu|Chobanu', undefined, 'Чобану'),
      n('Rusu', undefined, 'Русу'),
      n('Popescu', undefined, 'Попеску'),
    ],
  },
  {
    id: 'west-african',
    countries: [
      ['NGA', ['Benin City', 'Lagos', 'Enugu', 'Kano', 'Ibadan', 'Onitsha', 'Warri', 'Owerri', 'Calabar']],
      ['GHA', ['Kumasi', 'Accra', 'Tamale', 'Takoradi', 'Cape Coast', 'Sunyani']],
      ['GIN', ['Conakry', 'Kankan', 'Kindia', 'Labe', 'Nzerekore']],
      ['SEN', ['Dakar', 'Thies', 'Kaolack', 'Ziguinchor', 'Saint-Louis', 'Touba']],
    ],
    givenCount: 1,
    male: [
      'Chinedu', 'Emeka', 'Oluwaseun|Seun', 'Kwame', 'Kofi', 'Mamadou', 'Ousmane|Usman', 'Ibrahima',
      'Samuel', 'Daniel', 'Godwin', 'Osagie', 'Abdoulaye|Abdulai', 'Yaw', 'Moussa|Musa',
    ].map((s) => n(s)),
    female: [
      'Ngozi', 'Blessing', 'Precious', 'Joy', 'Amaka', 'Abena', 'Ama', 'Aminata', 'Fatoumata|Fatumata',
      'Mariama', 'Esther', 'Osaro', 'Efe', 'Gift', 'Mercy',
    ].map((s) => n(s)),
    family: [
      'Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Diallo', 'Traore|Traoré', 'Bah', 'Okonkwo', 'Nwosu',
      'Osagie', 'Igbinedion', 'Eze', 'Boateng', 'Asante', 'Camara', 'Sow', 'Barry', 'Ndiaye', 'Fall',
      'Osaghae', 'Obi', 'Edo', 'Agyeman', 'Sylla', 'Keita|Keïta', 'Cisse|Cissé',
    ].map((s) => n(s)),
  },
  {
    id: 'vietnamese',
    countries: [['VNM', ['Nghe An', 'Ha Tinh', 'Quang Binh', 'Hai Phong', 'Thanh Hoa', 'Nam Dinh', 'Thai Binh', 'Hai Duong']]],
    givenCount: 2,
    male: ['Văn|Van', 'Minh', 'Đức|Duc', 'Quang', 'Hữu|Huu', 'Anh', 'Tuấn|Tuan', 'Hùng|Hung', 'Nam', 'Long'].map(
      (s) => n(s),
    ),
    female: ['Thị|Thi', 'Lan', 'Hương|Huong', 'Mai', 'Hoa', 'Ngọc|Ngoc', 'Linh', 'Thu', 'Hạnh|Hanh', 'Trang'].map(
      (s) => n(s),
    ),
    family: ['Nguyễn|Nguyen', 'Trần|Tran', 'Lê|Le', 'Phạm|Pham', 'Hoàng|Hoang', 'Phan', 'Vũ|Vu', 'Đặng|Dang', 'Bùi|Bui', 'Đỗ|Do'].map(
      (s) => n(s),
    ),
  },
];
