//! Plausible names from many cultures, and the email addresses made from them.
//!
//! A generated person draws a culture, then a given name and a family name from that culture,
//! so names read like real people rather than random pairs across the world.

/// Given names and family names that belong together.
pub struct Culture {
    pub given: &'static [&'static str],
    pub family: &'static [&'static str],
}

#[rustfmt::skip]
pub const CULTURES: &[Culture] = &[
    // English-speaking
    Culture {
        given: &[
            "Oliver", "Amelia", "Jack", "Charlotte", "Harry", "Emily", "George", "Grace", "Liam",
            "Olivia", "Noah", "Sophie", "James", "Hannah", "Ethan", "Chloe", "Samuel", "Megan",
        ],
        family: &[
            "Smith", "Turner", "Walsh", "Bennett", "Hughes", "Carter", "Brooks", "Palmer", "Reid",
            "Fletcher", "Hayes", "Morgan", "Collins", "Porter", "Ellis", "Shaw", "O'Connor",
        ],
    },
    // German-speaking
    Culture {
        given: &[
            "Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Lena", "Maximilian",
            "Johanna", "Tobias", "Katharina", "Moritz", "Clara", "Niklas", "Friederike",
        ],
        family: &[
            "Müller", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schäfer",
            "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Krüger",
        ],
    },
    // Spanish-speaking
    Culture {
        given: &[
            "Alejandro", "Lucía", "Mateo", "Valentina", "Santiago", "Camila", "Diego", "Sofía",
            "Javier", "Martina", "Pablo", "Isabela", "Andrés", "Daniela", "Carlos", "Ximena",
        ],
        family: &[
            "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez",
            "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Castillo",
        ],
    },
    // Portuguese-speaking
    Culture {
        given: &[
            "João", "Beatriz", "Tiago", "Inês", "Rafael", "Mariana", "Gonçalo", "Ana", "Pedro",
            "Leonor", "Rodrigo", "Carolina", "Bruno", "Larissa", "Thiago", "Juliana",
        ],
        family: &[
            "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Almeida",
            "Nunes", "Carvalho", "Gomes", "Ribeiro", "Sousa", "Marques", "Barbosa", "Teixeira",
        ],
    },
    // French-speaking
    Culture {
        given: &[
            "Louis", "Camille", "Hugo", "Chloé", "Théo", "Manon", "Antoine", "Élodie", "Julien",
            "Léa", "Mathieu", "Margaux", "Baptiste", "Aurélie", "Nicolas", "Pauline",
        ],
        family: &[
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Laurent", "Lefèvre", "Fontaine", "Rousseau", "Girard", "Mercier",
        ],
    },
    // Italian
    Culture {
        given: &[
            "Marco", "Giulia", "Luca", "Chiara", "Matteo", "Francesca", "Alessandro", "Sara",
            "Davide", "Elena", "Lorenzo", "Alessia", "Federico", "Valeria", "Giorgio", "Silvia",
        ],
        family: &[
            "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
            "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Lombardi",
        ],
    },
    // Polish and Ukrainian (family names that do not change with gender)
    Culture {
        given: &[
            "Jakub", "Zofia", "Mateusz", "Aleksandra", "Łukasz", "Magdalena", "Piotr", "Katarzyna",
            "Tomasz", "Agnieszka", "Oleksandr", "Olena", "Dmytro", "Iryna", "Taras", "Yulia",
        ],
        family: &[
            "Nowak", "Kaczmarek", "Wójcik", "Mazur", "Krawczyk", "Zając", "Król", "Michalak",
            "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Lysenko",
            "Marchenko",
        ],
    },
    // Nordic and Dutch
    Culture {
        given: &[
            "Lars", "Ingrid", "Mikkel", "Freja", "Erik", "Sigrid", "Anders", "Astrid", "Søren",
            "Maja", "Daan", "Sanne", "Bram", "Femke", "Joris", "Eline",
        ],
        family: &[
            "Johansson", "Lindqvist", "Andersen", "Nielsen", "Hansen", "Larsen", "Berg", "Dahl",
            "Eriksson", "Nyström", "de Vries", "van Dijk", "Bakker", "Visser", "Jansen", "Smit",
        ],
    },
    // Nigerian
    Culture {
        given: &[
            "Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Tunde", "Amara",
            "Ifeanyi", "Temitope", "Chidi", "Folake", "Babajide", "Nneka", "Obinna", "Yetunde",
        ],
        family: &[
            "Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Adebayo", "Ogunleye", "Obi",
            "Afolabi", "Chukwu", "Oyelaran", "Nwachukwu", "Bello", "Akinola", "Uche",
        ],
    },
    // Ghanaian
    Culture {
        given: &[
            "Kwame", "Abena", "Kofi", "Efua", "Yaw", "Adwoa", "Kwabena", "Akosua", "Kojo", "Ama",
            "Kwesi", "Esi", "Nana", "Afia",
        ],
        family: &[
            "Mensah", "Asante", "Boateng", "Owusu", "Appiah", "Osei", "Danso", "Agyeman",
            "Acheampong", "Amoah", "Frimpong", "Ofori",
        ],
    },
    // Kenyan
    Culture {
        given: &[
            "Wanjiru", "Kamau", "Achieng", "Otieno", "Njeri", "Baraka", "Zawadi", "Jabari", "Imani",
            "Amani", "Wairimu", "Kipchoge",
        ],
        family: &[
            "Mwangi", "Odhiambo", "Njoroge", "Kariuki", "Ochieng", "Mutua", "Kiptoo", "Chebet",
            "Wafula", "Omondi", "Kiprono", "Nyambura",
        ],
    },
    // Indian
    Culture {
        given: &[
            "Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Meera", "Siddharth",
            "Divya", "Karthik", "Lakshmi", "Rahul", "Neha", "Aditya", "Shreya",
        ],
        family: &[
            "Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Mehta", "Krishnan",
            "Rao", "Banerjee", "Chatterjee", "Desai", "Menon", "Kulkarni", "Joshi",
        ],
    },
    // Chinese
    Culture {
        given: &[
            "Wei", "Jing", "Hao", "Xin", "Jun", "Mei", "Lei", "Yan", "Tao", "Ying", "Jie", "Lin",
            "Bo", "Xiu", "Zhi", "Hui",
        ],
        family: &[
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
            "Sun", "Ma", "Zhu", "Hu", "Guo",
        ],
    },
    // Japanese
    Culture {
        given: &[
            "Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kaito", "Sakura", "Takumi", "Yuna",
            "Daiki", "Mio", "Kenji", "Emi", "Hiroshi", "Naomi",
        ],
        family: &[
            "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
            "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura",
        ],
    },
    // Korean
    Culture {
        given: &[
            "Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Hyun-woo", "Ji-woo", "Dong-hyun", "Soo-ah",
            "Jae-won", "Yeon-woo", "Sung-min", "Eun-ji", "Tae-yang", "Da-eun", "Joon-ho", "Min-seo",
        ],
        family: &[
            "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
            "Seo", "Shin", "Kwon", "Hwang",
        ],
    },
    // Vietnamese
    Culture {
        given: &[
            "Minh", "Linh", "Tuan", "Thao", "Duc", "Huong", "Quang", "Mai", "Khanh", "Trang",
            "Hieu", "Ngoc", "Long", "Phuong", "Bao", "Lan",
        ],
        family: &[
            "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo",
            "Duong", "Ly", "Phan", "Vo", "Truong",
        ],
    },
    // Filipino
    Culture {
        given: &[
            "Paolo", "Andrea", "Miguel", "Patricia", "Joshua", "Kristine", "Mark", "Angelica",
            "Carlo", "Bea", "Rafael", "Jasmine",
        ],
        family: &[
            "Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva",
            "Dela Cruz", "Aquino", "Ramos", "Castro",
        ],
    },
    // Arabic
    Culture {
        given: &[
            "Omar", "Layla", "Youssef", "Nour", "Karim", "Yasmin", "Ahmed", "Rania", "Tariq",
            "Salma", "Hassan", "Amira", "Samir", "Lina", "Khalid", "Dina",
        ],
        family: &[
            "Haddad", "Khoury", "Nasser", "Mansour", "Saleh", "Hamdan", "Aziz", "Farouk", "Rahman",
            "Bakr", "El-Amin", "Said", "Karam", "Darwish", "Aboud", "Sabbagh",
        ],
    },
    // Turkish
    Culture {
        given: &[
            "Emre", "Elif", "Can", "Zeynep", "Burak", "Ayşe", "Mehmet", "Defne", "Kerem", "Selin",
            "Murat", "Ece",
        ],
        family: &[
            "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan",
            "Koç", "Kurt", "Polat",
        ],
    },
    // Persian
    Culture {
        given: &[
            "Arash", "Shirin", "Dariush", "Parisa", "Kian", "Nazanin", "Babak", "Roya", "Navid",
            "Setareh",
        ],
        family: &[
            "Tehrani", "Karimi", "Hosseini", "Rahimi", "Moradi", "Ahmadi", "Jafari", "Sadeghi",
            "Rostami", "Farahani",
        ],
    },
    // Hebrew
    Culture {
        given: &[
            "Noa", "Yonatan", "Tamar", "Itai", "Maya", "Omer", "Shira", "Eitan", "Yael", "Amit",
        ],
        family: &[
            "Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Azoulay", "Shapiro",
            "Ben-David", "Katz",
        ],
    },
];

/// Total number of distinct (culture, given, family) combinations.
pub fn combinations() -> usize {
    CULTURES
        .iter()
        .map(|c| c.given.len() * c.family.len())
        .sum()
}

/// A full name and the index of its combination (for counting repeats), from three rolls.
pub fn name(culture: u64, given: u64, family: u64) -> (String, usize) {
    let ci = (culture % CULTURES.len() as u64) as usize;
    let c = &CULTURES[ci];
    let g = (given % c.given.len() as u64) as usize;
    let f = (family % c.family.len() as u64) as usize;
    let offset: usize = CULTURES[..ci]
        .iter()
        .map(|c| c.given.len() * c.family.len())
        .sum();
    (
        format!("{} {}", c.given[g], c.family[f]),
        offset + g * c.family.len() + f,
    )
}

/// The first combination that spells the same email address as `combo` ("Rafael Santos" is
/// both Portuguese and Filipino), so namesakes across cultures are counted together.
pub fn canonical(combo: usize) -> usize {
    static CANON: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let table = CANON.get_or_init(|| {
        let mut first = std::collections::HashMap::new();
        let mut out = Vec::with_capacity(combinations());
        for (ci, c) in CULTURES.iter().enumerate() {
            for g in 0..c.given.len() {
                for f in 0..c.family.len() {
                    let (full, k) = name(ci as u64, g as u64, f as u64);
                    debug_assert_eq!(k, out.len());
                    out.push(*first.entry(email_local(&full)).or_insert(k as u32));
                }
            }
        }
        out
    });
    table[combo] as usize
}

/// The ASCII spelling of a letter for an email address, or `None` to drop it.
fn fold(c: char, out: &mut String) {
    let s = match c {
        'a'..='z' | '0'..='9' => {
            out.push(c);
            return;
        }
        'A'..='Z' => {
            out.push(c.to_ascii_lowercase());
            return;
        }
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
            "a"
        }
        'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ı' | 'Í' | 'Î' | 'İ' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' | 'Ó' | 'Ö' | 'Ø' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'Ú' | 'Ü' => "u",
        'ç' | 'ć' | 'č' | 'Ç' | 'Č' => "c",
        'ñ' | 'ń' | 'Ñ' => "n",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'ł' | 'Ł' => "l",
        'ğ' => "g",
        'ř' => "r",
        'ý' => "y",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' => "oe",
        _ => return, // spaces, apostrophes, hyphens
    };
    out.push_str(s);
}

/// The local part of an email address: "Łukasz Wójcik" -> "lukasz.wojcik",
/// "Aoife O'Connor" -> "aoife.oconnor", "Sanne de Vries" -> "sanne.devries".
pub fn email_local(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    let (given, family) = name.split_once(' ').unwrap_or((name, ""));
    for c in given.chars() {
        fold(c, &mut out);
    }
    if !family.is_empty() {
        out.push('.');
        for c in family.chars() {
            fold(c, &mut out);
        }
    }
    out
}

/// `firstname.lastname@example.com`, with a number for the second and later namesakes.
pub fn email(name: &str, repeat: usize) -> String {
    let local = email_local(name);
    if repeat == 0 {
        format!("{local}@example.com")
    } else {
        format!("{local}{}@example.com", repeat + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_ascii_first_dot_last() {
        assert_eq!(email("Łukasz Wójcik", 0), "lukasz.wojcik@example.com");
        assert_eq!(email("Aoife O'Connor", 0), "aoife.oconnor@example.com");
        assert_eq!(email("Sanne de Vries", 1), "sanne.devries2@example.com");
        assert_eq!(email("Min-jun Park", 0), "minjun.park@example.com");
        assert_eq!(email("Ayşe Yılmaz", 0), "ayse.yilmaz@example.com");
        assert_eq!(email("Søren Dahl", 0), "soren.dahl@example.com");
    }

    #[test]
    fn every_name_in_the_tables_folds_to_a_clean_address() {
        for c in CULTURES {
            for n in c.given.iter().chain(c.family.iter()) {
                let local = email_local(n);
                assert!(!local.is_empty(), "{n}");
                assert!(
                    local
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.'),
                    "{n} -> {local}"
                );
            }
        }
    }

    #[test]
    fn namesakes_across_cultures_share_a_canonical_index() {
        let find = |culture: usize, given: &str, family: &str| {
            let c = &CULTURES[culture];
            let g = c.given.iter().position(|x| *x == given).unwrap();
            let f = c.family.iter().position(|x| *x == family).unwrap();
            name(culture as u64, g as u64, f as u64).1
        };
        let portuguese = find(3, "Rafael", "Santos");
        let filipino = find(16, "Rafael", "Santos");
        assert_ne!(portuguese, filipino);
        assert_eq!(canonical(portuguese), canonical(filipino));
    }

    #[test]
    fn combination_indexes_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for (ci, c) in CULTURES.iter().enumerate() {
            for g in 0..c.given.len() {
                for f in 0..c.family.len() {
                    let (_, k) = name(ci as u64, g as u64, f as u64);
                    assert!(k < combinations());
                    assert!(seen.insert(k));
                }
            }
        }
    }
}
