//! The sample's people, managers before their reports.
//!
//! The company: a marketplace where independent shops sell to shoppers, about 150 people in
//! product, design, engineering and data.

use super::rows::{open, p, Row};
use crate::common::{AMSTERDAM, BERLIN, LISBON, LONDON, NEW_YORK, REMOTE, TORONTO};
use topograph_model::Discipline;

const ENG: Discipline = Discipline::Engineering;
const MGR: Discipline = Discipline::EngineeringManagement;
const PM: Discipline = Discipline::ProductManagement;
const DES: Discipline = Discipline::Design;
const DATA: Discipline = Discipline::Data;
const RES: Discipline = Discipline::Research;
const QA: Discipline = Discipline::Quality;
const OTHER: Discipline = Discipline::Other;

#[rustfmt::skip]
pub const PEOPLE: &[Row] = &[
    // ---- leadership --------------------------------------------------------------------
    p("ceo", "Helena Lindqvist", "Chief Executive Officer", OTHER, "M6", NEW_YORK, "").since("2015-03-02"),
    p("cos", "Marcus Bennett", "Chief of Staff", OTHER, "M4", NEW_YORK, "ceo").since("2019-08-12"),
    p("cto", "Rafael Mendes", "Chief Technology Officer", MGR, "M6", NEW_YORK, "ceo").since("2016-01-11"),
    p("cpo", "Priya Raman", "Chief Product Officer", PM, "M6", LONDON, "ceo").since("2018-04-03"),
    p("vp_data", "Adaeze Nwosu", "VP of Data", DATA, "M5", LONDON, "ceo").since("2019-02-18"),

    // ---- engineering leadership ------------------------------------------------------
    p("dir_shop", "Jonas Becker", "Director of Engineering, Shopping", MGR, "M3", BERLIN, "cto").since("2017-06-01"),
    p("dir_pay", "Siobhan Walsh", "Director of Engineering, Checkout & Payments", MGR, "M3", LONDON, "cto").since("2018-09-17"),
    p("dir_merch", "Beatriz Carvalho", "Director of Engineering, Merchant & Fulfilment", MGR, "M3", LISBON, "cto").since("2019-05-06"),
    p("vp_plat", "Ingrid Berg", "VP of Platform Engineering", MGR, "M5", TORONTO, "cto").since("2017-02-13"),
    p("principal", "Wei Zhang", "Principal Engineer", ENG, "L8", TORONTO, "cto").since("2016-10-03"),
    p("tpm", "Layla Haddad", "Senior Technical Program Manager", OTHER, "L6", LONDON, "cto").since("2021-03-08"),
    // A chain of single-report managers left over from the 2025 platform reorganisation.
    p("dir_infra", "Kenji Watanabe", "Director of Infrastructure", MGR, "M3", TORONTO, "vp_plat").since("2018-01-22"),
    p("sem_plat", "Oluwaseun Adeyemi", "Senior Engineering Manager, Platform", MGR, "M2", TORONTO, "dir_infra").since("2019-11-04"),
    p("staff_shop", "Natalia Wiśniewska", "Staff Engineer, Shopping", ENG, "L7", BERLIN, "dir_shop").since("2018-03-05"),

    // ---- product leadership ------------------------------------------------------------
    p("gpm_shop", "Camille Laurent", "Group Product Manager, Shopping", PM, "M3", BERLIN, "cpo").since("2019-03-11"),
    p("gpm_pay", "Arjun Mehta", "Group Product Manager, Checkout & Payments", PM, "M3", LONDON, "cpo").since("2020-01-13"),
    p("gpm_merch", "Inês Marques", "Group Product Manager, Merchant & Fulfilment", PM, "M3", LISBON, "cpo").since("2020-06-01"),
    // Fourteen direct reports and no design managers: the design team grew faster than its structure.
    p("hod", "Sofía Castillo", "Head of Design", DES, "M4", BERLIN, "cpo").since("2018-07-16"),
    p("pm_devplat", "Daan Visser", "Senior Technical Product Manager, Developer Platform", PM, "L5", TORONTO, "cpo").since("2021-09-20"),
    p("prodops", "Ngozi Obi", "Product Operations Manager", OTHER, "L5", LONDON, "cpo").since("2022-02-14"),

    // ---- data leadership -------------------------------------------------------------
    p("am", "Ji-woo Park", "Analytics Manager", DATA, "M1", LONDON, "vp_data").since("2020-02-03"),
    p("em_dataplat", "Tariq Mansour", "Engineering Manager, Data Platform", MGR, "M1", LONDON, "vp_data").since("2020-10-05"),
    p("staff_ds", "Mei Chen", "Staff Data Scientist", DATA, "L6", REMOTE, "vp_data").since("2019-09-09"),

    // ---- product managers --------------------------------------------------------------
    p("pm_search", "Vikram Nair", "Senior Product Manager, Search", PM, "L5", BERLIN, "gpm_shop"),
    p("pm_pages", "Anna Weber", "Product Manager, Product Pages", PM, "L4", BERLIN, "gpm_shop"),
    p("pm_growth", "Kofi Mensah", "Senior Product Manager, Growth", PM, "L5", REMOTE, "gpm_shop"),
    p("pm_checkout", "Olivia Turner", "Senior Product Manager, Checkout", PM, "L5", LONDON, "gpm_pay"),
    p("pm_payments", "Dmytro Kovalenko", "Product Manager, Payments", PM, "L4", LONDON, "gpm_pay"),
    p("pm_fraud", "Noa Cohen", "Technical Product Manager, Risk", PM, "L5", LONDON, "gpm_pay"),
    p("pm_seller", "Rodrigo Teixeira", "Senior Product Manager, Seller Tools", PM, "L5", LISBON, "gpm_merch"),
    p("pm_orders", "Lakshmi Krishnan", "Product Manager, Fulfilment", PM, "L4", LISBON, "gpm_merch"),
    p("pm_delivery", "Baraka Odhiambo", "Product Manager, Delivery", PM, "L4", LISBON, "gpm_merch").since("2026-04-13"),

    // ---- design (everyone reports to the Head of Design) -------------------------------
    p("des_search", "Aoife O'Connor", "Senior Product Designer", DES, "L5", BERLIN, "hod"),
    p("des_pages", "Théo Girard", "Product Designer", DES, "L4", BERLIN, "hod"),
    p("des_checkout", "Hannah Hughes", "Senior Product Designer", DES, "L5", LONDON, "hod"),
    p("des_payments", "Yasmin Farouk", "Product Designer", DES, "L4", LONDON, "hod"),
    p("des_loyalty", "Emi Tanaka", "Product Designer", DES, "L4", LONDON, "hod"),
    p("des_seller", "Gonçalo Ribeiro", "Senior Product Designer", DES, "L5", LISBON, "hod"),
    // Covers Orders and Delivery at 60% each until Delivery's designer is hired: 120%.
    p("des_orders", "Leonor Sousa", "Product Designer", DES, "L3", LISBON, "hod"),
    open("open_des_delivery", "Senior Product Designer, Delivery", DES, "L5", LISBON, "hod"),
    p("res_1", "Nneka Eze", "Senior UX Researcher", RES, "L5", LONDON, "hod"),
    p("res_2", "Felix Hoffmann", "UX Researcher", RES, "L4", BERLIN, "hod"),
    p("des_content", "Grace Palmer", "Content Designer", DES, "L4", REMOTE, "hod").contractor(),
    p("des_system_1", "Ha-eun Kim", "Staff Product Designer, Design System", DES, "L6", BERLIN, "hod"),
    p("des_system_2", "Mateo Rodríguez", "Product Designer, Design System", DES, "L4", LISBON, "hod"),
    p("designops", "Chloé Moreau", "Design Operations Lead", DES, "L5", BERLIN, "hod"),

    // ---- analytics -------------------------------------------------------------------
    p("da_search", "Rohan Iyer", "Data Analyst", DATA, "L4", BERLIN, "am"),
    p("da_growth", "Zeynep Arslan", "Senior Data Analyst", DATA, "L5", BERLIN, "am"),
    p("da_orders", "Kwabena Owusu", "Data Analyst", DATA, "L4", LISBON, "am"),
    p("da_seller", "Martina Gómez", "Data Analyst", DATA, "L3", LISBON, "am").since("2025-09-01"),
    p("ae", "Lorenzo Marino", "Analytics Engineer", DATA, "L4", LONDON, "am"),

    // ---- Shopping ----------------------------------------------------------------------
    p("em_search", "Lena Schneider", "Engineering Manager, Search", MGR, "M1", BERLIN, "dir_shop"),
    p("tl_search", "Karthik Rao", "Staff Software Engineer", ENG, "L6", BERLIN, "em_search"),
    p("e_search_1", "Paul Richter", "Senior Backend Engineer", ENG, "L5", BERLIN, "em_search"),
    p("e_search_2", "Yui Sato", "Frontend Engineer", ENG, "L4", BERLIN, "em_search"),
    p("e_search_3", "Omar Saleh", "Senior Search Engineer", ENG, "L5", BERLIN, "em_search"),
    p("e_search_4", "Jakub Mazur", "Backend Engineer", ENG, "L4", REMOTE, "em_search"),

    p("em_pages", "Ahmed Darwish", "Engineering Manager, Product Pages", MGR, "M1", BERLIN, "dir_shop"),
    p("tl_pages", "Freja Andersen", "Senior Frontend Engineer", ENG, "L5", BERLIN, "em_pages"),
    p("e_pages_1", "Moritz Klein", "Frontend Engineer", ENG, "L4", BERLIN, "em_pages"),
    p("e_pages_2", "Seo-yeon Choi", "Software Engineer", ENG, "L3", BERLIN, "em_pages").since("2025-02-03"),
    p("e_pages_3", "Giulia Ricci", "Senior Backend Engineer", ENG, "L5", REMOTE, "em_pages"),
    p("e_pages_4", "Pablo Sánchez", "Frontend Engineer", ENG, "L4", BERLIN, "em_pages"),
    p("qa_pages", "Tunde Balogun", "QA Engineer", QA, "L4", BERLIN, "em_pages").contractor(),

    p("em_recs", "Hyun-woo Jung", "Engineering Manager, Machine Learning", MGR, "M1", BERLIN, "dir_shop"),
    p("tl_recs", "Ananya Sharma", "Staff Machine Learning Engineer", ENG, "L6", BERLIN, "em_recs"),
    p("e_recs_1", "Niklas Wagner", "Machine Learning Engineer", ENG, "L4", BERLIN, "em_recs"),
    p("e_recs_2", "Valentina Torres", "Senior Machine Learning Engineer", ENG, "L5", REMOTE, "em_recs"),
    p("e_recs_3", "Sota Nakamura", "Machine Learning Engineer", ENG, "L4", BERLIN, "em_recs"),
    p("ds_recs_1", "Hao Liu", "Data Scientist", DATA, "L4", BERLIN, "em_recs"),
    p("ds_recs_2", "Amira Nasser", "Senior Data Scientist", DATA, "L5", AMSTERDAM, "em_recs"),

    p("em_growth", "Ethan Collins", "Engineering Manager, Growth", MGR, "M1", BERLIN, "dir_shop"),
    p("tl_growth", "Matteo Colombo", "Senior Full-stack Engineer", ENG, "L5", BERLIN, "em_growth"),
    p("e_growth_1", "Katarzyna Nowak", "Full-stack Engineer", ENG, "L4", BERLIN, "em_growth"),
    p("e_growth_2", "Kwame Asante", "iOS Engineer", ENG, "L4", REMOTE, "em_growth"),
    p("e_growth_3", "Sakura Yamamoto", "Android Engineer", ENG, "L4", BERLIN, "em_growth").leaving(),
    p("e_growth_4", "Bram Jansen", "Frontend Engineer", ENG, "L3", AMSTERDAM, "em_growth").since("2026-06-01"),

    // ---- Checkout & Payments ------------------------------------------------------------
    p("staff_pay", "Dariush Rahimi", "Principal Engineer, Payments", ENG, "L8", LONDON, "dir_pay").since("2017-11-06"),
    p("em_checkout", "James Fletcher", "Senior Engineering Manager, Checkout", MGR, "M2", LONDON, "dir_pay"),
    p("tl_checkout", "Chinedu Okafor", "Staff Software Engineer", ENG, "L6", LONDON, "em_checkout"),
    p("e_checkout_1", "Sophie Brooks", "Senior Frontend Engineer", ENG, "L5", LONDON, "em_checkout"),
    p("e_checkout_2", "Marco Bianchi", "Senior Backend Engineer", ENG, "L5", LONDON, "em_checkout"),
    p("e_checkout_3", "Aarav Patel", "Backend Engineer", ENG, "L4", LONDON, "em_checkout"),
    p("e_checkout_4", "Lucía Martínez", "Frontend Engineer", ENG, "L4", LONDON, "em_checkout"),
    p("e_checkout_5", "Tomasz Wójcik", "Software Engineer", ENG, "L3", LONDON, "em_checkout").since("2025-10-06"),
    p("e_checkout_6", "Nour Khoury", "iOS Engineer", ENG, "L4", REMOTE, "em_checkout"),
    p("e_checkout_7", "Mikkel Nielsen", "Android Engineer", ENG, "L4", LONDON, "em_checkout").contractor(),
    p("qa_checkout", "Efua Boateng", "Senior QA Engineer", QA, "L5", LONDON, "em_checkout"),

    p("em_payments", "Camila Pérez", "Engineering Manager, Payments", MGR, "M1", LONDON, "dir_pay"),
    p("tl_payments", "Lars Hansen", "Staff Backend Engineer", ENG, "L6", LONDON, "em_payments"),
    p("e_payments_1", "Rania Aziz", "Senior Backend Engineer", ENG, "L5", LONDON, "em_payments"),
    p("e_payments_2", "Minh Nguyen", "Backend Engineer", ENG, "L4", LONDON, "em_payments"),
    p("e_payments_3", "Charlotte Hayes", "Software Engineer", ENG, "L3", LONDON, "em_payments"),
    p("e_payments_4", "Akosua Frimpong", "Backend Engineer", ENG, "L4", AMSTERDAM, "em_payments"),
    // Split 50/50 between Payments and Identity & Access.
    p("e_split", "Oleksandr Melnyk", "Senior Backend Engineer", ENG, "L5", REMOTE, "em_payments"),

    p("em_fraud", "Shreya Joshi", "Engineering Manager, Risk", MGR, "M1", LONDON, "dir_pay"),
    p("tl_fraud", "Daiki Kobayashi", "Staff Machine Learning Engineer", ENG, "L6", LONDON, "em_fraud"),
    p("e_fraud_1", "Babajide Afolabi", "Machine Learning Engineer", ENG, "L4", LONDON, "em_fraud"),
    p("e_fraud_2", "Sara Ferrari", "Senior Backend Engineer", ENG, "L5", LONDON, "em_fraud"),
    open("open_fraud_ml", "Senior Machine Learning Engineer", ENG, "L5", LONDON, "em_fraud"),
    p("ds_fraud", "Paolo Reyes", "Senior Data Scientist", DATA, "L5", LONDON, "em_fraud"),

    p("em_loyalty", "Kerem Demir", "Engineering Manager, Loyalty", MGR, "M1", LONDON, "dir_pay"),
    p("tl_loyalty", "Eline Bakker", "Senior Backend Engineer", ENG, "L5", AMSTERDAM, "em_loyalty"),
    p("e_loyalty_1", "Jae-won Lim", "Full-stack Engineer", ENG, "L4", LONDON, "em_loyalty"),
    p("e_loyalty_2", "Samuel Reid", "Software Engineer", ENG, "L3", LONDON, "em_loyalty").contractor(),
    p("e_loyalty_3", "Elena Romano", "Frontend Engineer", ENG, "L4", LONDON, "em_loyalty"),
    p("e_loyalty_4", "Ifeanyi Chukwu", "Senior Android Engineer", ENG, "L5", LONDON, "em_loyalty").planned("2027-01-11"),

    // ---- Merchant & Fulfilment ----------------------------------------------------------
    p("em_seller", "João Santos", "Engineering Manager, Seller Tools", MGR, "M1", LISBON, "dir_merch"),
    p("tl_seller", "Alessia Conti", "Staff Frontend Engineer", ENG, "L6", LISBON, "em_seller"),
    p("e_seller_1", "Pedro Almeida", "Senior Full-stack Engineer", ENG, "L5", LISBON, "em_seller"),
    p("e_seller_2", "Thao Tran", "Frontend Engineer", ENG, "L4", LISBON, "em_seller"),
    p("e_seller_3", "Wanjiru Mwangi", "Backend Engineer", ENG, "L4", REMOTE, "em_seller"),
    p("e_seller_4", "Antoine Dubois", "Software Engineer", ENG, "L3", LISBON, "em_seller"),

    p("em_orders", "Andrés Flores", "Engineering Manager, Fulfilment", MGR, "M1", LISBON, "dir_merch"),
    p("tl_orders", "Magdalena Krawczyk", "Staff Backend Engineer", ENG, "L6", LISBON, "em_orders"),
    p("e_orders_1", "Rafael Costa", "Senior Backend Engineer", ENG, "L5", LISBON, "em_orders"),
    p("e_orders_2", "Yonatan Levi", "Backend Engineer", ENG, "L4", LISBON, "em_orders"),
    p("e_orders_3", "Jing Zhou", "Software Engineer", ENG, "L3", LISBON, "em_orders"),
    p("e_orders_4", "Carolina Nunes", "Frontend Engineer", ENG, "L4", LISBON, "em_orders"),

    p("em_delivery", "Kavya Reddy", "Engineering Manager, Delivery", MGR, "M1", LISBON, "dir_merch").since("2026-02-02"),
    p("tl_delivery", "Tiago Pereira", "Senior Mobile Engineer", ENG, "L5", LISBON, "em_delivery").since("2026-03-02"),
    p("e_delivery_1", "Salma Hamdan", "iOS Engineer", ENG, "L4", LISBON, "em_delivery").since("2026-05-04"),
    p("e_delivery_2", "Nicolas Petit", "Android Engineer", ENG, "L3", LISBON, "em_delivery").since("2026-07-01"),
    open("open_delivery_be", "Backend Engineer, Delivery", ENG, "L4", LISBON, "em_delivery"),
    p("e_delivery_3", "Arash Karimi", "Senior Software Engineer", ENG, "L5", AMSTERDAM, "em_delivery").contractor().since("2026-03-16"),

    // ---- Platform --------------------------------------------------------------------
    p("em_devplat", "Liam Carter", "Engineering Manager, Developer Platform", MGR, "M1", TORONTO, "sem_plat"),
    p("tl_devplat", "Siddharth Banerjee", "Staff Platform Engineer", ENG, "L6", TORONTO, "em_devplat"),
    p("e_devplat_1", "Emily Ellis", "Senior Platform Engineer", ENG, "L5", TORONTO, "em_devplat"),
    p("e_devplat_2", "Duc Pham", "Platform Engineer", ENG, "L4", TORONTO, "em_devplat"),
    p("e_devplat_3", "Javier Ramírez", "Infrastructure Engineer", ENG, "L4", REMOTE, "em_devplat").contractor(),
    p("e_devplat_4", "Min-seo Kang", "Platform Engineer", ENG, "L3", TORONTO, "em_devplat"),
    p("e_devplat_5", "Kiprono Chebet", "Senior Infrastructure Engineer", ENG, "L5", TORONTO, "em_devplat"),

    p("em_identity", "Tamar Friedman", "Engineering Manager, Identity", MGR, "M1", NEW_YORK, "sem_plat"),
    p("tl_identity", "Hiroshi Ito", "Staff Backend Engineer", ENG, "L6", NEW_YORK, "em_identity"),
    p("e_identity_1", "Abena Osei", "Senior Backend Engineer", ENG, "L5", NEW_YORK, "em_identity"),
    p("e_identity_2", "Louis Martin", "Backend Engineer", ENG, "L4", TORONTO, "em_identity"),
    p("e_identity_3", "Patricia Villanueva", "Security Engineer", ENG, "L4", NEW_YORK, "em_identity"),

    p("tl_dataplat", "Xin Zhao", "Staff Data Engineer", ENG, "L6", LONDON, "em_dataplat"),
    p("e_dataplat_1", "Aditya Kulkarni", "Senior Data Engineer", ENG, "L5", LONDON, "em_dataplat"),
    p("e_dataplat_2", "Francesca Greco", "Data Engineer", ENG, "L4", REMOTE, "em_dataplat"),
    open("open_dataplat", "Staff Data Engineer", ENG, "L6", LONDON, "em_dataplat"),
    p("e_dataplat_3", "Yetunde Bello", "Senior Data Engineer", ENG, "L5", LONDON, "em_dataplat").planned("2027-02-01"),

    p("sre_lead", "Anders Dahl", "Staff Site Reliability Engineer", ENG, "L6", TORONTO, "sem_plat"),
    p("sre_1", "Njeri Kariuki", "Senior Site Reliability Engineer", ENG, "L5", TORONTO, "sem_plat"),
    p("sre_2", "Julien Fontaine", "Site Reliability Engineer", ENG, "L4", REMOTE, "sem_plat").contractor(),
    p("sre_3", "Imani Ochieng", "Site Reliability Engineer", ENG, "L4", TORONTO, "sem_plat"),
    p("devex", "Meera Desai", "Senior Developer Experience Engineer", ENG, "L5", NEW_YORK, "sem_plat"),

    p("em_security", "Samir Said", "Security Engineering Manager", MGR, "M1", NEW_YORK, "sem_plat"),
    p("sec_1", "Juliana Barbosa", "Senior Application Security Engineer", ENG, "L5", NEW_YORK, "em_security"),
    p("sec_2", "Takumi Suzuki", "Security Engineer", ENG, "L4", TORONTO, "em_security"),
    p("sec_3", "Kian Tehrani", "Security Engineer", ENG, "L3", NEW_YORK, "em_security").since("2025-08-18"),
    open("open_sec", "Application Security Engineer", ENG, "L4", NEW_YORK, "em_security"),
];

/// (person, dotted-line manager)
pub const DOTTED: &[(&str, &str)] = &[
    ("da_search", "em_search"),
    ("da_orders", "em_orders"),
    ("pm_devplat", "vp_plat"),
    ("principal", "vp_plat"),
    ("tpm", "dir_pay"),
    ("staff_ds", "em_recs"),
];
