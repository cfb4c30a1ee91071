import type { CorpusForm } from '../corpus-form.ts';

/**
 * A registration form in English, Tigrinya, Amharic, Afaan Oromo and Swahili, written the way forms
 * shared between UNHCR partners often are: language names without codes, the older single-colon
 * `label:English`, a native name (ትግርኛ) beside an English one, and a language nobody spells the
 * same way (Tetun). Translations written for this corpus (short, plain phrases).
 */
export const multilingualEastAfrica: CorpusForm = {
  name: 'multilingual-east-africa',
  source: 'written for Tern; translations of plain phrases made for this corpus',
  covers: [
    'language names without codes: Tigrinya, Amharic, Oromo, Swahili, Tetun',
    'native language name (ትግርኛ)',
    'older label:English',
    'default_language by name',
    'right-to-left text not assumed',
  ],
  sheets: {
    survey: [
      [
        'type',
        'name',
        'label:English',
        'label::ትግርኛ',
        'label::Amharic',
        'label::Oromo',
        'label::Swahili',
        'hint:English',
        'hint::Tetun',
        'required',
      ],
      [
        'text',
        'full_name',
        'Full name',
        'ሙሉእ ስም',
        'ሙሉ ስም',
        'Maqaa guutuu',
        'Jina kamili',
        'As on the card',
        'Hanesan iha kartaun',
        'yes',
      ],
      [
        'select_one yes_no',
        'has_card',
        'Do you have a registration card?',
        'ካርድ ምዝገባ ኣለኩም ድዩ?',
        'የምዝገባ ካርድ አለዎት?',
        'Kaardii galmee qabduu?',
        'Una kadi ya usajili?',
      ],
      [
        'integer',
        'family_size',
        'How many in your family?',
        'ክንደይ ኣባላት ስድራ?',
        'ስንት የቤተሰብ አባላት?',
        'Maatiin meeqa?',
        'Familia yako ina watu wangapi?',
      ],
    ],
    choices: [
      [
        'list_name',
        'name',
        'label:English',
        'label::ትግርኛ',
        'label::Amharic',
        'label::Oromo',
        'label::Swahili',
      ],
      ['yes_no', 'yes', 'Yes', 'እወ', 'አዎ', 'Eeyyee', 'Ndiyo'],
      ['yes_no', 'no', 'No', 'ኣይፋል', 'አይ', 'Lakki', 'Hapana'],
    ],
    settings: [
      ['form_id', 'version', 'form_title', 'default_language'],
      ['registration_ea', '2024.1', 'Registration', 'English'],
    ],
  },
  problems: [],
  filled: { full_name: 'Selam Tesfaye', has_card: 'no', family_size: 4 },
};
