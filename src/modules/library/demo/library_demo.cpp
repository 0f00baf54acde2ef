#include "modules/library/demo/library_demo.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <span>
#include <stdexcept>
#include <unordered_set>

// How the text is made: each resource picks a "focus" (subject, sector, tool, harm, occupation, country,
// city, union, employer...) from concept banks aligned across the four languages, so its translations talk
// about the same things; each language then fills its own sentence templates from those concepts. Banks are
// ordered roughly from common to rare and picked with a Zipf-like law, which gives word frequencies a long
// tail and keeps most 1-3 word queries selective. All text below was written for this generator.

namespace avenir::library {
namespace {

enum Lang : int { EN = 0, FR = 1, ES = 2, AR = 3 };
constexpr std::string_view kLangKeys[] = {"en", "fr", "es", "ar"};

// One concept in the four languages. French and Spanish noun phrases carry their article ("la santé"),
// English ones do not ("health"), Arabic ones are definite when the concept is.
struct L4 {
    std::string_view en, fr, es, ar;
    constexpr std::string_view operator[](int lang) const { return lang == EN ? en : lang == FR ? fr : lang == ES ? es : ar; }
};

struct Subject {
    int theme;  // 1..7
    L4 text;
};

// ---------------------------------------------------------------------------------------------------------
// Concept banks (aligned across languages)
// ---------------------------------------------------------------------------------------------------------

constexpr Subject kSubjects[] = {
    {1, {"algorithmic management", "la gestion algorithmique", "la gestión algorítmica", "الإدارة الخوارزمية"}},
    {2,
     {"artificial intelligence in public services", "l'intelligence artificielle dans les services publics",
      "la inteligencia artificial en los servicios públicos", "الذكاء الاصطناعي في الخدمات العامة"}},
    {3,
     {"data protection at work", "la protection des données au travail", "la protección de datos en el trabajo",
      "حماية البيانات في مكان العمل"}},
    {3,
     {"workplace surveillance", "la surveillance au travail", "la vigilancia en el lugar de trabajo", "المراقبة في مكان العمل"}},
    {2, {"telework", "le télétravail", "el teletrabajo", "العمل عن بعد"}},
    {5,
     {"digital rights clauses", "les clauses sur les droits numériques", "las cláusulas de derechos digitales",
      "بنود الحقوق الرقمية"}},
    {4,
     {"joint governance of algorithms", "la gouvernance conjointe des algorithmes", "la gobernanza conjunta de los algoritmos",
      "الحوكمة المشتركة للخوارزميات"}},
    {2, {"platform work", "le travail de plateforme", "el trabajo en plataformas", "العمل عبر المنصات"}},
    {4,
     {"procurement of digital systems", "l'achat public de systèmes numériques", "la contratación pública de sistemas digitales",
      "شراء الأنظمة الرقمية"}},
    {3, {"health data", "les données de santé", "los datos de salud", "البيانات الصحية"}},
    {2,
     {"digitalisation of tax administration", "la numérisation de l'administration fiscale",
      "la digitalización de la administración tributaria", "رقمنة الإدارة الضريبية"}},
    {2,
     {"automated social security systems", "les systèmes automatisés de sécurité sociale",
      "los sistemas automatizados de seguridad social", "أنظمة الضمان الاجتماعي المؤتمتة"}},
    {6,
     {"training of shop stewards", "la formation des délégués syndicaux", "la formación de delegados sindicales",
      "تدريب المندوبين النقابيين"}},
    {7,
     {"union coalitions for digital rights", "les coalitions syndicales pour les droits numériques",
      "las coaliciones sindicales por los derechos digitales", "التحالفات النقابية من أجل الحقوق الرقمية"}},
    {5, {"the right to disconnect", "le droit à la déconnexion", "el derecho a la desconexión", "الحق في قطع الاتصال"}},
    {1,
     {"automated decision-making", "la prise de décision automatisée", "la toma de decisiones automatizada",
      "اتخاذ القرار الآلي"}},
    {1,
     {"generative AI", "l'intelligence artificielle générative", "la inteligencia artificial generativa",
      "الذكاء الاصطناعي التوليدي"}},
    {3, {"biometric data", "les données biométriques", "los datos biométricos", "البيانات البيومترية"}},
    {4,
     {"algorithmic impact assessments", "les études d'impact algorithmique", "las evaluaciones de impacto algorítmico",
      "تقييمات الأثر الخوارزمي"}},
    {2,
     {"outsourcing of public IT", "l'externalisation de l'informatique publique", "la externalización de la informática pública",
      "تعهيد المعلوماتية العامة"}},
    {2,
     {"digital skills and retraining", "les compétences numériques et la reconversion",
      "las competencias digitales y la reconversión", "المهارات الرقمية وإعادة التأهيل"}},
    {3,
     {"workers' data rights", "les droits des travailleurs sur leurs données", "los derechos de los trabajadores sobre sus datos",
      "حقوق العمال في بياناتهم"}},
    {5,
     {"collective bargaining on technology", "la négociation collective sur la technologie",
      "la negociación colectiva sobre tecnología", "المفاوضة الجماعية بشأن التكنولوجيا"}},
    {3,
     {"information and consultation rights", "les droits d'information et de consultation",
      "los derechos de información y consulta", "حقوق الإعلام والتشاور"}},
    {1,
     {"bias and discrimination in algorithms", "les biais et la discrimination algorithmiques",
      "los sesgos y la discriminación algorítmica", "التحيز والتمييز في الخوارزميات"}},
    {1,
     {"cloud services and data sovereignty", "les services en nuage et la souveraineté des données",
      "los servicios en la nube y la soberanía de datos", "الخدمات السحابية وسيادة البيانات"}},
    {2,
     {"digital public infrastructure", "les infrastructures publiques numériques", "la infraestructura pública digital",
      "البنية التحتية الرقمية العامة"}},
    {3,
     {"electronic monitoring of performance", "le contrôle électronique de la performance",
      "el control electrónico del rendimiento", "الرصد الإلكتروني للأداء"}},
    {2, {"smart cities", "les villes intelligentes", "las ciudades inteligentes", "المدن الذكية"}},
    {1, {"the digital divide", "la fracture numérique", "la brecha digital", "الفجوة الرقمية"}},
    {3,
     {"privacy of union members", "la confidentialité des données des adhérents", "la privacidad de los afiliados",
      "خصوصية أعضاء النقابة"}},
    {1,
     {"cross-border data flows", "les flux transfrontières de données", "los flujos transfronterizos de datos",
      "تدفقات البيانات عبر الحدود"}},
    {2,
     {"occupational health and digital work", "la santé au travail et le travail numérique",
      "la salud laboral y el trabajo digital", "الصحة المهنية والعمل الرقمي"}},
    {1,
     {"algorithmic scheduling", "la planification algorithmique des horaires", "la programación algorítmica de turnos",
      "الجدولة الخوارزمية لنوبات العمل"}},
    {2, {"e-government", "l'administration électronique", "el gobierno electrónico", "الحكومة الإلكترونية"}},
    {2,
     {"chatbots in citizen services", "les agents conversationnels dans l'accueil des usagers",
      "los asistentes virtuales en la atención ciudadana", "روبوتات المحادثة في خدمة المواطنين"}},
    {1, {"predictive policing", "la police prédictive", "la vigilancia policial predictiva", "الشرطة التنبؤية"}},
    {2,
     {"digital identity systems", "les systèmes d'identité numérique", "los sistemas de identidad digital",
      "أنظمة الهوية الرقمية"}},
    {3,
     {"the EU AI Act", "le règlement européen sur l'IA", "el Reglamento europeo de IA",
      "قانون الاتحاد الأوروبي للذكاء الاصطناعي"}},
    {6,
     {"solidarity between regions", "la solidarité entre les régions", "la solidaridad entre regiones", "التضامن بين الأقاليم"}},
    {6,
     {"sharing of good practice", "le partage des bonnes pratiques", "el intercambio de buenas prácticas",
      "تبادل الممارسات الجيدة"}},
    {3,
     {"gender equality and technology", "l'égalité de genre et la technologie", "la igualdad de género y la tecnología",
      "المساواة بين الجنسين والتكنولوجيا"}},
    {5,
     {"job security in digital transitions", "la sécurité de l'emploi dans les transitions numériques",
      "la estabilidad laboral en las transiciones digitales", "الأمن الوظيفي في التحولات الرقمية"}},
    {5,
     {"working time and digital tools", "le temps de travail et les outils numériques",
      "la jornada laboral y las herramientas digitales", "وقت العمل والأدوات الرقمية"}},
    {2,
     {"open source software in the public sector", "les logiciels libres dans le secteur public",
      "el software libre en el sector público", "البرمجيات مفتوحة المصدر في القطاع العام"}},
    {7,
     {"trade agreements and digital trade", "les accords commerciaux et le commerce numérique",
      "los acuerdos comerciales y el comercio digital", "الاتفاقيات التجارية والتجارة الرقمية"}},
    {6,
     {"union organising online", "l'organisation syndicale en ligne", "la organización sindical en línea",
      "التنظيم النقابي عبر الإنترنت"}},
    {4,
     {"transparency registers for algorithms", "les registres de transparence des algorithmes",
      "los registros de transparencia algorítmica", "سجلات شفافية الخوارزميات"}},
    {4,
     {"human oversight of AI", "le contrôle humain de l'IA", "la supervisión humana de la IA",
      "الإشراف البشري على الذكاء الاصطناعي"}},
    {1, {"workforce analytics", "l'analyse des données du personnel", "la analítica de personal", "تحليلات القوى العاملة"}},
    {2,
     {"automation of clerical work", "l'automatisation du travail administratif", "la automatización del trabajo administrativo",
      "أتمتة العمل المكتبي"}},
    {2, {"the digital welfare state", "l'État social numérique", "el Estado de bienestar digital", "دولة الرعاية الرقمية"}},
    {3,
     {"cybersecurity and workers", "la cybersécurité et les travailleurs", "la ciberseguridad y los trabajadores",
      "الأمن السيبراني وحماية العمال"}},
    {7,
     {"public data commons", "les communs de données publiques", "los bienes comunes de datos públicos",
      "المشاعات العامة للبيانات"}},
    {2,
     {"privatisation through digitalisation", "la privatisation par la numérisation",
      "la privatización a través de la digitalización", "الخصخصة عبر الرقمنة"}},
    {3,
     {"emotion recognition at work", "la reconnaissance des émotions au travail", "el reconocimiento de emociones en el trabajo",
      "التعرف على المشاعر في العمل"}},
    {1, {"algorithmic hiring", "le recrutement algorithmique", "la contratación algorítmica", "التوظيف الخوارزمي"}},
    {2,
     {"digital health records", "les dossiers de santé numériques", "los expedientes de salud digitales",
      "السجلات الصحية الرقمية"}},
    {2, {"remote learning in schools", "l'enseignement à distance", "la educación a distancia", "التعليم عن بعد"}},
    {2,
     {"data-driven inspections", "les inspections guidées par les données", "las inspecciones basadas en datos",
      "عمليات التفتيش القائمة على البيانات"}},
    {6,
     {"union data strategies", "les stratégies syndicales en matière de données", "las estrategias sindicales sobre datos",
      "الاستراتيجيات النقابية للبيانات"}},
    {7,
     {"coalitions with civil society", "les coalitions avec la société civile", "las coaliciones con la sociedad civil",
      "التحالفات مع المجتمع المدني"}},
    {7,
     {"the environmental costs of data centres", "le coût environnemental des centres de données",
      "el costo ambiental de los centros de datos", "التكلفة البيئية لمراكز البيانات"}},
    {6, {"mentoring between unions", "le parrainage entre syndicats", "la mentoría entre sindicatos", "الإرشاد بين النقابات"}},
    {4,
     {"worker participation in AI procurement", "la participation du personnel aux achats d'IA",
      "la participación de la plantilla en la compra de IA", "مشاركة العاملين في شراء أنظمة الذكاء الاصطناعي"}},
    {5,
     {"bargaining over telework allowances", "la négociation des indemnités de télétravail",
      "la negociación de las compensaciones por teletrabajo", "التفاوض بشأن بدلات العمل عن بعد"}},
    {1,
     {"data literacy for union members", "la culture des données pour les adhérents",
      "la alfabetización de datos para la afiliación", "محو الأمية في مجال البيانات لأعضاء النقابات"}},
    {6,
     {"regional networks of digital rights organisers", "les réseaux régionaux d'organisateurs des droits numériques",
      "las redes regionales de organizadores de derechos digitales", "الشبكات الإقليمية لمنظمي الحقوق الرقمية"}},
    {7,
     {"alliances with consumer and patient groups", "les alliances avec les associations de consommateurs et de patients",
      "las alianzas con asociaciones de consumidores y pacientes", "التحالفات مع جمعيات المستهلكين والمرضى"}},
    {2,
     {"automation in emergency call centres", "l'automatisation des centres d'appels d'urgence",
      "la automatización de los centros de llamadas de emergencia", "أتمتة مراكز اتصالات الطوارئ"}},
};

constexpr L4 kSectors[] = {
    {"health", "la santé", "la salud", "الصحة"},
    {"education", "l'éducation", "la educación", "التعليم"},
    {"local government", "les collectivités locales", "los gobiernos locales", "الحكم المحلي"},
    {"water and sanitation", "l'eau et l'assainissement", "el agua y el saneamiento", "المياه والصرف الصحي"},
    {"energy", "l'énergie", "la energía", "الطاقة"},
    {"tax administration", "l'administration fiscale", "la administración tributaria", "الإدارة الضريبية"},
    {"social security", "la sécurité sociale", "la seguridad social", "الضمان الاجتماعي"},
    {"justice", "la justice", "la justicia", "العدالة"},
    {"public transport", "les transports publics", "el transporte público", "النقل العام"},
    {"central government", "l'administration centrale", "la administración central", "الإدارة المركزية"},
    {"social services", "les services sociaux", "los servicios sociales", "الخدمات الاجتماعية"},
    {"emergency services", "les services d'urgence", "los servicios de emergencia", "خدمات الطوارئ"},
    {"waste management", "la gestion des déchets", "la gestión de residuos", "إدارة النفايات"},
    {"postal services", "les services postaux", "los servicios postales", "الخدمات البريدية"},
    {"customs", "les douanes", "las aduanas", "الجمارك"},
    {"public employment services", "le service public de l'emploi", "los servicios públicos de empleo", "خدمات التشغيل العامة"},
    {"elder care", "les soins aux personnes âgées", "el cuidado de personas mayores", "رعاية المسنين"},
    {"early childhood education", "la petite enfance", "la educación infantil", "التعليم في مرحلة الطفولة المبكرة"},
    {"higher education", "l'enseignement supérieur", "la educación superior", "التعليم العالي"},
    {"libraries and culture", "les bibliothèques et la culture", "las bibliotecas y la cultura", "المكتبات والثقافة"},
    {"prisons", "l'administration pénitentiaire", "el sistema penitenciario", "السجون"},
    {"police", "la police", "la policía", "الشرطة"},
    {"fire services", "les services d'incendie", "los servicios de bomberos", "خدمات الإطفاء"},
    {"social housing", "le logement social", "la vivienda social", "الإسكان الاجتماعي"},
    {"public statistics", "la statistique publique", "la estadística pública", "الإحصاء العام"},
    {"ports and airports", "les ports et aéroports", "los puertos y aeropuertos", "الموانئ والمطارات"},
    {"agricultural services", "les services agricoles", "los servicios agrícolas", "الخدمات الزراعية"},
    {"mental health", "la santé mentale", "la salud mental", "الصحة النفسية"},
    {"public broadcasting", "l'audiovisuel public", "la radiodifusión pública", "البث العام"},
    {"electricity distribution", "la distribution d'électricité", "la distribución eléctrica", "توزيع الكهرباء"},
};

// Occupations, plural, tied to a sector (index in kSectors). Arabic uses broken plurals and collective nouns
// so that the form does not change with grammatical case.
struct Occupation {
    int sector;
    L4 text;
};
constexpr Occupation kOccupations[] = {
    {0, {"nurses", "les infirmières", "las enfermeras", "طواقم التمريض"}},
    {1, {"teachers", "les enseignants", "los docentes", "كوادر التعليم"}},
    {2, {"municipal workers", "les agents municipaux", "los trabajadores municipales", "عمال البلديات"}},
    {9, {"civil servants", "les fonctionnaires", "los funcionarios públicos", "كوادر الوظيفة العمومية"}},
    {10, {"social workers", "les travailleurs sociaux", "los trabajadores sociales", "كوادر العمل الاجتماعي"}},
    {5, {"tax inspectors", "les inspecteurs des impôts", "los inspectores tributarios", "فرق التفتيش الضريبي"}},
    {16, {"care workers", "les aides à domicile", "los cuidadores", "عاملات الرعاية المنزلية"}},
    {0, {"hospital doctors", "les médecins hospitaliers", "los médicos de hospital", "أطباء المستشفيات"}},
    {6, {"call-centre agents", "les téléconseillers", "los agentes de centros de llamadas", "عمال مراكز الاتصال"}},
    {8, {"bus drivers", "les conducteurs de bus", "los conductores de autobús", "سواق الحافلات"}},
    {13, {"postal workers", "les postiers", "los trabajadores postales", "عمال البريد"}},
    {6,
     {"social security officers", "les agents de la sécurité sociale", "los funcionarios de la seguridad social",
      "كوادر الضمان الاجتماعي"}},
    {9, {"IT staff", "les informaticiens", "los informáticos", "فرق تقنية المعلومات"}},
    {7, {"court clerks", "les greffiers", "los secretarios judiciales", "كتبة المحاكم"}},
    {2, {"refuse collectors", "les éboueurs", "los recolectores de basura", "عمال جمع النفايات"}},
    {0, {"midwives", "les sages-femmes", "las parteras", "القابلات"}},
    {22, {"firefighters", "les pompiers", "los bomberos", "فرق الإطفاء"}},
    {1, {"school support staff", "les personnels de soutien scolaire", "los auxiliares escolares", "طواقم الدعم المدرسي"}},
    {14, {"customs officers", "les douaniers", "los agentes de aduanas", "أعوان الجمارك"}},
    {15, {"job counsellors", "les conseillers emploi", "los orientadores laborales", "فرق الإرشاد المهني"}},
    {19, {"librarians", "les bibliothécaires", "los bibliotecarios", "أمناء المكتبات"}},
    {0, {"paramedics", "les ambulanciers", "los paramédicos", "طواقم الإسعاف"}},
    {11,
     {"emergency call handlers", "les opérateurs des centres d'appels d'urgence", "los operadores de llamadas de emergencia",
      "عمال مراكز اتصالات الطوارئ"}},
    {8, {"railway workers", "les cheminots", "los ferroviarios", "عمال السكك الحديدية"}},
    {3, {"water engineers", "les ingénieurs de l'eau", "los ingenieros hidráulicos", "فرق هندسة المياه"}},
    {5, {"tax office clerks", "les agents des finances publiques", "los funcionarios de hacienda", "كوادر مصلحة الضرائب"}},
    {6, {"benefit advisers", "les conseillers en prestations", "los asesores de prestaciones", "فرق الاستشارة في الإعانات"}},
    {9, {"data entry clerks", "les agents de saisie", "los operadores de datos", "عمال إدخال البيانات"}},
    {18, {"university lecturers", "les enseignants-chercheurs", "los profesores universitarios", "أساتذة الجامعات"}},
    {20, {"prison officers", "les surveillants pénitentiaires", "los funcionarios de prisiones", "حراس السجون"}},
    {16, {"care home staff", "les personnels des maisons de retraite", "las trabajadoras de residencias", "طواقم دور المسنين"}},
    {17, {"early years educators", "les éducatrices de jeunes enfants", "las educadoras infantiles", "مربيات الأطفال"}},
    {0,
     {"hospital cleaners", "les agents d'entretien hospitaliers", "las limpiadoras de hospital", "عمال النظافة في المستشفيات"}},
    {0, {"laboratory technicians", "les techniciens de laboratoire", "los técnicos de laboratorio", "طواقم المختبرات"}},
    {3, {"meter readers", "les releveurs de compteurs", "los lectores de medidores", "عمال قراءة العدادات"}},
    {25, {"port workers", "les dockers", "los estibadores", "عمال الموانئ"}},
    {8, {"metro workers", "les agents du métro", "los trabajadores del metro", "عمال المترو"}},
    {12, {"waste sorting workers", "les trieurs de déchets", "los clasificadores de residuos", "عمال فرز النفايات"}},
    {21, {"police staff", "les personnels de police", "los agentes de policía", "أفراد الشرطة"}},
    {24, {"statisticians", "les statisticiens", "los estadísticos", "خبراء الإحصاء"}},
    {9, {"labour inspectors", "les inspecteurs du travail", "los inspectores de trabajo", "فرق تفتيش العمل"}},
    {7, {"probation officers", "les conseillers de probation", "los agentes de libertad condicional", "ضباط المراقبة القضائية"}},
    {1, {"school cleaners", "les agents d'entretien des écoles", "las limpiadoras escolares", "عمال النظافة في المدارس"}},
    {13, {"parcel sorters", "les trieurs de colis", "los clasificadores de paquetes", "عمال فرز الطرود"}},
    {4,
     {"power plant operators", "les opérateurs de centrale", "los operadores de centrales eléctricas",
      "عمال تشغيل محطات الطاقة"}},
    {23, {"housing officers", "les agents du logement", "los técnicos de vivienda", "كوادر مكاتب الإسكان"}},
    {0, {"pharmacists", "les pharmaciens", "los farmacéuticos", "الصيادلة"}},
    {18, {"research staff", "les personnels de recherche", "los investigadores", "فرق البحث"}},
    {19, {"museum staff", "les personnels des musées", "los trabajadores de museos", "طواقم المتاحف"}},
    {2, {"parks and gardens staff", "les jardiniers municipaux", "los jardineros municipales", "عمال الحدائق العامة"}},
    {27, {"psychologists", "les psychologues", "los psicólogos", "كوادر الدعم النفسي"}},
    {29, {"electricity line workers", "les monteurs de lignes électriques", "los linieros", "عمال خطوط الكهرباء"}},
    {25, {"air traffic controllers", "les contrôleurs aériens", "los controladores aéreos", "طواقم مراقبة الحركة الجوية"}},
    {24, {"census workers", "les agents recenseurs", "los empadronadores", "فرق التعداد"}},
    {26,
     {"agricultural extension officers", "les conseillers agricoles", "los extensionistas agrícolas", "كوادر الإرشاد الزراعي"}},
    {28,
     {"public broadcasting journalists", "les journalistes de l'audiovisuel public", "los periodistas de medios públicos",
      "طواقم الإعلام العمومي"}},
    {2, {"urban planners", "les urbanistes", "los urbanistas", "فرق التخطيط العمراني"}},
    {9, {"translators", "les traducteurs", "los traductores", "فرق الترجمة"}},
    {9, {"archivists", "les archivistes", "los archivistas", "أمناء الأرشيف"}},
    {2, {"building inspectors", "les inspecteurs du bâtiment", "los inspectores de obras", "فرق تفتيش البناء"}},
};

// Digital systems and tools. English: plural or mass nouns (no article needed).
constexpr L4 kTools[] = {
    {"automated scheduling software", "les logiciels de planification automatisée", "el software de planificación automatizada",
     "برمجيات الجدولة الآلية"},
    {"productivity dashboards", "les tableaux de bord de productivité", "los paneles de productividad", "لوحات قياس الإنتاجية"},
    {"facial recognition cameras", "les caméras de reconnaissance faciale", "las cámaras de reconocimiento facial",
     "كاميرات التعرف على الوجه"},
    {"benefit fraud detection algorithms", "les algorithmes de détection de la fraude aux prestations",
     "los algoritmos de detección de fraude en prestaciones", "خوارزميات كشف الاحتيال في الإعانات"},
    {"GPS tracking of vehicles", "la géolocalisation des véhicules", "el rastreo GPS de vehículos",
     "تتبع المركبات عبر نظام تحديد المواقع"},
    {"electronic patient records", "le dossier patient informatisé", "la historia clínica electrónica",
     "السجل الإلكتروني للمرضى"},
    {"predictive risk scores", "les scores de risque prédictifs", "las puntuaciones predictivas de riesgo",
     "مؤشرات المخاطر التنبؤية"},
    {"chatbots for citizen enquiries", "les chatbots pour les demandes des usagers", "los chatbots de atención a la ciudadanía",
     "روبوتات المحادثة لاستفسارات المواطنين"},
    {"keystroke logging", "l'enregistrement des frappes au clavier", "el registro de pulsaciones de teclado",
     "تسجيل ضغطات لوحة المفاتيح"},
    {"biometric time clocks", "les pointeuses biométriques", "los relojes biométricos de fichaje",
     "أجهزة تسجيل الحضور البيومترية"},
    {"workforce analytics platforms", "les plateformes d'analyse des effectifs", "las plataformas de analítica laboral",
     "منصات تحليل القوى العاملة"},
    {"case management systems", "les logiciels de gestion des dossiers", "los sistemas de gestión de expedientes",
     "أنظمة إدارة الملفات"},
    {"body-worn cameras", "les caméras-piétons", "las cámaras corporales", "الكاميرات المحمولة على الجسم"},
    {"online exam proctoring", "la surveillance des examens en ligne", "la supervisión de exámenes en línea",
     "مراقبة الامتحانات عبر الإنترنت"},
    {"learning management platforms", "les plateformes d'apprentissage en ligne", "las plataformas de gestión del aprendizaje",
     "منصات إدارة التعلم"},
    {"smart water meters", "les compteurs d'eau intelligents", "los medidores de agua inteligentes", "عدادات المياه الذكية"},
    {"online tax return portals", "les portails de déclaration fiscale en ligne",
     "los portales de declaración tributaria en línea", "بوابات التصريح الضريبي الإلكتروني"},
    {"automatic translation tools", "les outils de traduction automatique", "las herramientas de traducción automática",
     "أدوات الترجمة الآلية"},
    {"sick leave prediction models", "les modèles de prédiction des arrêts maladie", "los modelos de predicción de bajas médicas",
     "نماذج التنبؤ بالإجازات المرضية"},
    {"route optimisation software", "les logiciels d'optimisation des tournées", "el software de optimización de rutas",
     "برمجيات تحسين المسارات"},
    {"handheld scanners", "les scanners portatifs", "los escáneres portátiles", "الماسحات الضوئية المحمولة"},
    {"call recording and speech analytics", "l'enregistrement des appels et l'analyse vocale",
     "la grabación de llamadas y la analítica de voz", "تسجيل المكالمات وتحليل الكلام"},
    {"email monitoring tools", "les outils de surveillance des courriels", "las herramientas de monitoreo del correo electrónico",
     "أدوات مراقبة البريد الإلكتروني"},
    {"automated CV screening", "le tri automatisé des candidatures", "el filtrado automatizado de currículos",
     "الفرز الآلي للسير الذاتية"},
    {"wearable sensors", "les capteurs portés sur le corps", "los sensores portátiles", "أجهزة الاستشعار القابلة للارتداء"},
    {"triage algorithms in emergency departments", "les algorithmes de tri aux urgences", "los algoritmos de triaje en urgencias",
     "خوارزميات الفرز في أقسام الطوارئ"},
    {"digital identity cards", "les cartes d'identité numériques", "las cédulas de identidad digitales", "بطاقات الهوية الرقمية"},
    {"welfare eligibility engines", "les moteurs de calcul des droits sociaux", "los motores de cálculo de elegibilidad",
     "محركات تحديد الأهلية للإعانات"},
    {"cloud office suites", "les suites bureautiques en nuage", "las suites ofimáticas en la nube", "الحزم المكتبية السحابية"},
    {"video surveillance with analytics", "la vidéosurveillance algorithmique", "la videovigilancia con analítica",
     "المراقبة بالفيديو مع التحليل الآلي"},
    {"remote monitoring software for teleworkers", "les logiciels de surveillance des télétravailleurs",
     "el software de monitoreo de teletrabajadores", "برمجيات مراقبة العاملين عن بعد"},
    {"predictive maintenance systems", "les systèmes de maintenance prédictive", "los sistemas de mantenimiento predictivo",
     "أنظمة الصيانة التنبؤية"},
    {"shift-swapping apps", "les applications d'échange de créneaux", "las aplicaciones de intercambio de turnos",
     "تطبيقات تبادل النوبات"},
    {"automated grading software", "les logiciels de notation automatique", "el software de calificación automática",
     "برمجيات التصحيح الآلي"},
    {"robotic process automation", "l'automatisation robotisée des processus", "la automatización robótica de procesos",
     "الأتمتة الروبوتية للعمليات"},
    {"large language model assistants", "les assistants fondés sur de grands modèles de langage",
     "los asistentes basados en grandes modelos de lenguaje", "المساعدات القائمة على النماذج اللغوية الكبيرة"},
    {"digital twins of city networks", "les jumeaux numériques des réseaux urbains", "los gemelos digitales de las redes urbanas",
     "التوائم الرقمية لشبكات المدينة"},
    {"licence plate recognition", "la lecture automatique des plaques d'immatriculation", "el reconocimiento de matrículas",
     "التعرف الآلي على لوحات السيارات"},
    {"automated parking enforcement", "le contrôle automatisé du stationnement", "el control automatizado del estacionamiento",
     "المراقبة الآلية لمواقف السيارات"},
    {"telehealth platforms", "les plateformes de télésanté", "las plataformas de telesalud", "منصات الرعاية الصحية عن بعد"},
    {"electronic visit verification", "la vérification électronique des visites à domicile",
     "la verificación electrónica de visitas", "التحقق الإلكتروني من الزيارات المنزلية"},
    {"risk profiling of taxpayers", "le profilage des contribuables", "el perfilado de riesgo de los contribuyentes",
     "تصنيف المكلفين حسب المخاطر"},
    {"child welfare risk models", "les modèles de risque en protection de l'enfance",
     "los modelos de riesgo en protección infantil", "نماذج المخاطر في حماية الطفولة"},
    {"automated border gates", "les sas automatiques aux frontières", "las puertas automáticas de control fronterizo",
     "البوابات الحدودية الآلية"},
    {"drone inspections", "les inspections par drone", "las inspecciones con drones", "عمليات التفتيش بالطائرات المسيّرة"},
    {"staff rostering apps", "les applications de gestion des plannings", "las aplicaciones de gestión de turnos",
     "تطبيقات إدارة جداول العمل"},
    {"performance ranking tools", "les outils de classement des performances", "las herramientas de clasificación del desempeño",
     "أدوات ترتيب الأداء"},
    {"sentiment analysis of staff surveys", "l'analyse de sentiment des enquêtes internes",
     "el análisis de sentimiento de las encuestas internas", "تحليل المشاعر في استطلاعات الموظفين"},
    {"electronic signature platforms", "les plateformes de signature électronique", "las plataformas de firma electrónica",
     "منصات التوقيع الإلكتروني"},
    {"appointment booking bots", "les robots de prise de rendez-vous", "los bots de citas", "روبوتات حجز المواعيد"},
    {"automated speed cameras", "les radars automatiques", "los radares automáticos", "رادارات السرعة الآلية"},
    {"bed management software", "les logiciels de gestion des lits", "el software de gestión de camas", "برمجيات إدارة الأسرّة"},
    {"smart grid controls", "les systèmes de pilotage du réseau intelligent", "los controles de red inteligente",
     "أنظمة التحكم في الشبكة الذكية"},
    {"enterprise resource planning systems", "les progiciels de gestion intégrée",
     "los sistemas de planificación de recursos empresariales", "أنظمة تخطيط موارد المؤسسة"},
    {"mobile apps for field inspectors", "les applications mobiles des contrôleurs de terrain",
     "las aplicaciones móviles para inspectores de campo", "تطبيقات الهاتف للمفتشين الميدانيين"},
    {"social media monitoring", "la veille des réseaux sociaux", "el monitoreo de redes sociales", "رصد وسائل التواصل الاجتماعي"},
    {"automated benefit letters", "les courriers automatisés aux allocataires",
     "las notificaciones automatizadas a beneficiarios", "الرسائل الآلية للمستفيدين"},
    {"voice assistants in call centres", "les assistants vocaux des centres d'appels",
     "los asistentes de voz en centros de llamadas", "المساعدات الصوتية في مراكز الاتصال"},
    {"geofencing apps", "les applications de géorepérage", "las aplicaciones de geocercas", "تطبيقات السياج الجغرافي"},
    {"pupil attendance analytics", "l'analyse de l'assiduité des élèves", "la analítica de asistencia escolar",
     "تحليلات حضور التلاميذ"},
    {"court case allocation software", "les logiciels d'attribution des affaires judiciaires",
     "el software de reparto de causas judiciales", "برمجيات توزيع القضايا على المحاكم"},
    {"electronic tagging", "le bracelet électronique", "la tobillera electrónica", "السوار الإلكتروني"},
    {"medical imaging AI", "l'IA d'imagerie médicale", "la IA de imagen médica", "الذكاء الاصطناعي في التصوير الطبي"},
    {"smart bins with fill sensors", "les poubelles connectées", "los contenedores inteligentes", "الحاويات الذكية"},
    {"fleet telematics", "la télématique des flottes", "la telemática de flotas", "التتبع الإلكتروني للأساطيل"},
    {"digital payslips and HR portals", "les bulletins de paie dématérialisés et les portails RH",
     "las nóminas digitales y los portales de recursos humanos", "قسائم الرواتب الرقمية وبوابات الموارد البشرية"},
    {"open data portals", "les portails de données ouvertes", "los portales de datos abiertos", "بوابات البيانات المفتوحة"},
    {"identity checks by selfie", "la vérification d'identité par selfie", "la verificación de identidad por selfi",
     "التحقق من الهوية بالصورة الذاتية"},
    {"automated welfare sanctions", "les sanctions automatisées des allocataires", "las sanciones automatizadas a beneficiarios",
     "العقوبات الآلية على المستفيدين"},
    {"traffic management algorithms", "les algorithmes de gestion du trafic", "los algoritmos de gestión del tráfico",
     "خوارزميات إدارة حركة المرور"},
    {"digital attendance registers", "les registres de présence numériques", "los registros digitales de asistencia",
     "سجلات الحضور الرقمية"},
    {"AI note-taking in case meetings", "la prise de notes par IA en réunion de suivi",
     "la toma de notas con IA en las reuniones de casos", "تدوين الملاحظات بالذكاء الاصطناعي في اجتماعات الحالات"},
    {"automated rent arrears alerts", "les alertes automatiques d'impayés de loyer",
     "las alertas automáticas de impagos de alquiler", "التنبيهات الآلية بشأن متأخرات الإيجار"},
    {"predictive staffing tools", "les outils de prévision des effectifs", "las herramientas de previsión de plantilla",
     "أدوات التنبؤ بالاحتياجات من الموظفين"},
    {"smart street lighting", "l'éclairage public intelligent", "el alumbrado público inteligente", "الإنارة العامة الذكية"},
    {"water leak detection sensors", "les capteurs de détection des fuites", "los sensores de detección de fugas",
     "أجهزة استشعار تسرب المياه"},
    {"e-procurement platforms", "les plateformes de marchés publics en ligne", "las plataformas de contratación electrónica",
     "منصات الشراء العمومي الإلكتروني"},
    {"automated court transcription", "la transcription automatique des audiences", "la transcripción automática de audiencias",
     "النسخ الآلي لجلسات المحاكم"},
    {"plagiarism detection software", "les logiciels de détection du plagiat", "el software de detección de plagio",
     "برمجيات كشف الانتحال"},
    {"mobile money payment of benefits", "le versement des prestations par paiement mobile",
     "el pago de prestaciones por dinero móvil", "صرف الإعانات عبر الدفع بالهاتف المحمول"},
    {"satellite monitoring of farmland", "la surveillance des terres agricoles par satellite",
     "el monitoreo satelital de tierras agrícolas", "المراقبة الساتلية للأراضي الزراعية"},
    {"visitor management kiosks", "les bornes d'accueil automatisées", "los quioscos de atención automatizados",
     "أكشاك الاستقبال الآلية"},
};

// What goes wrong for workers and users.
constexpr L4 kHarms[] = {
    {"work intensification", "l'intensification du travail", "la intensificación del trabajo", "تكثيف العمل"},
    {"constant monitoring", "la surveillance permanente", "la vigilancia constante", "المراقبة المستمرة"},
    {"opaque decisions", "l'opacité des décisions", "la opacidad de las decisiones", "غموض القرارات"},
    {"stress and burnout", "le stress et l'épuisement professionnel", "el estrés y el agotamiento", "الإجهاد والاحتراق المهني"},
    {"job losses", "les suppressions d'emplois", "la pérdida de empleos", "فقدان الوظائف"},
    {"loss of professional judgement", "la perte d'autonomie professionnelle", "la pérdida de criterio profesional",
     "فقدان التقدير المهني"},
    {"discrimination against women", "la discrimination envers les femmes", "la discriminación contra las mujeres",
     "التمييز ضد النساء"},
    {"deskilling", "la déqualification", "la descualificación", "فقدان المهارات"},
    {"wrongful benefit cuts", "les suppressions injustifiées de prestations", "los recortes indebidos de prestaciones",
     "الاقتطاعات غير المبررة من الإعانات"},
    {"data breaches", "les fuites de données", "las filtraciones de datos", "تسريبات البيانات"},
    {"function creep", "le détournement de finalité", "la desviación de finalidad", "توسيع الاستخدام خارج الغرض الأصلي"},
    {"unpaid overtime", "les heures supplémentaires non payées", "las horas extra no pagadas",
     "ساعات العمل الإضافية غير المدفوعة"},
    {"isolation of teleworkers", "l'isolement des télétravailleurs", "el aislamiento de los teletrabajadores",
     "عزلة العاملين عن بعد"},
    {"racial bias", "les biais raciaux", "los sesgos raciales", "التحيز العنصري"},
    {"vendor lock-in", "la dépendance envers les fournisseurs", "la dependencia de los proveedores", "الارتهان للمورّدين"},
    {"disciplinary action based on data", "les sanctions disciplinaires fondées sur les données",
     "las sanciones disciplinarias basadas en datos", "الإجراءات التأديبية المبنية على البيانات"},
    {"the erosion of collective bargaining", "l'érosion de la négociation collective", "la erosión de la negociación colectiva",
     "تآكل المفاوضة الجماعية"},
    {"musculoskeletal disorders", "les troubles musculo-squelettiques", "los trastornos musculoesqueléticos",
     "الاضطرابات العضلية الهيكلية"},
    {"errors that nobody can explain", "les erreurs que personne ne sait expliquer", "los errores que nadie sabe explicar",
     "الأخطاء التي لا يستطيع أحد تفسيرها"},
    {"the exclusion of older users", "l'exclusion des usagers âgés", "la exclusión de las personas mayores",
     "إقصاء المستخدمين المسنين"},
    {"blurred boundaries between work and private life", "la confusion entre vie professionnelle et vie privée",
     "la confusión entre vida laboral y vida privada", "تداخل الحياة المهنية والخاصة"},
    {"understaffing hidden by automation", "le sous-effectif masqué par l'automatisation",
     "la falta de personal encubierta por la automatización", "نقص الموظفين المخفي وراء الأتمتة"},
    {"loss of contact with service users", "la perte de contact avec les usagers", "la pérdida de contacto con los usuarios",
     "فقدان التواصل مع المستفيدين"},
    {"the privatisation of public data", "la privatisation des données publiques", "la privatización de los datos públicos",
     "خصخصة البيانات العامة"},
    {"anti-union profiling", "le fichage antisyndical", "el perfilado antisindical", "التصنيف المعادي للنقابات"},
    {"gender pay gaps in digital jobs", "les écarts salariaux dans les métiers numériques",
     "la brecha salarial en los empleos digitales", "الفجوة في الأجور في الوظائف الرقمية"},
    {"unreliable software", "les logiciels défaillants", "el software poco fiable", "البرمجيات غير الموثوقة"},
    {"cyber attacks on public services", "les cyberattaques contre les services publics",
     "los ciberataques contra los servicios públicos", "الهجمات السيبرانية على الخدمات العامة"},
    {"fragmented working hours", "les horaires morcelés", "los horarios fragmentados", "تقطع ساعات العمل"},
    {"surveillance of union activity", "la surveillance de l'activité syndicale", "la vigilancia de la actividad sindical",
     "مراقبة النشاط النقابي"},
    {"precarious contracts", "les contrats précaires", "los contratos precarios", "العقود الهشة"},
    {"eye strain and fatigue", "la fatigue visuelle", "la fatiga visual", "إجهاد العين والتعب"},
    {"unfair performance ratings", "les évaluations injustes", "las evaluaciones injustas del desempeño",
     "تقييمات الأداء غير العادلة"},
    {"lost tax revenue", "les pertes de recettes fiscales", "la pérdida de ingresos fiscales", "خسارة الإيرادات الضريبية"},
    {"the outsourcing of jobs", "la sous-traitance des emplois", "la subcontratación de empleos", "نقل الوظائف إلى المتعهدين"},
    {"poor accessibility", "le manque d'accessibilité", "la falta de accesibilidad", "ضعف إمكانية الوصول"},
    {"automated errors in pay", "les erreurs de paie automatisées", "los errores automatizados en las nóminas",
     "الأخطاء الآلية في الرواتب"},
    {"pressure to be always available", "la pression à la disponibilité permanente", "la presión para estar siempre disponible",
     "الضغط للبقاء متاحًا دائمًا"},
    {"intrusion into privacy at home", "l'atteinte à la vie privée à domicile", "la intromisión en la privacidad del hogar",
     "انتهاك الخصوصية في المنزل"},
    {"language barriers in digital services", "les barrières linguistiques des services en ligne",
     "las barreras lingüísticas en los servicios digitales", "الحواجز اللغوية في الخدمات الرقمية"},
    {"the energy use of data centres", "la consommation énergétique des centres de données",
     "el consumo energético de los centros de datos", "استهلاك مراكز البيانات للطاقة"},
    {"the loss of tacit knowledge", "la perte des savoirs d'expérience", "la pérdida del saber práctico",
     "ضياع المعرفة العملية المتراكمة"},
    {"rigid targets", "les objectifs chiffrés rigides", "las metas rígidas", "الأهداف الرقمية الصارمة"},
    {"harassment through messaging apps", "le harcèlement par messagerie", "el acoso a través de aplicaciones de mensajería",
     "التحرش عبر تطبيقات المراسلة"},
    {"false fraud accusations", "les fausses accusations de fraude", "las falsas acusaciones de fraude",
     "اتهامات الاحتيال الباطلة"},
    {"noise and constant interruptions", "le bruit et les interruptions incessantes", "el ruido y las interrupciones constantes",
     "الضوضاء والمقاطعات المتكررة"},
    {"alerts in the middle of the night", "les alertes en pleine nuit", "las alertas en plena noche", "التنبيهات في منتصف الليل"},
    {"the hollowing out of public expertise", "l'affaiblissement de l'expertise publique", "el vaciamiento de la pericia pública",
     "تفريغ الخبرة العامة من مضمونها"},
    {"unequal access for rural users", "l'inégalité d'accès des usagers ruraux", "el acceso desigual de la población rural",
     "عدم تكافؤ الوصول لسكان الأرياف"},
};

// What unions ask for: clause contents.
constexpr L4 kDemands[] = {
    {"the right to a human review of automated decisions", "le droit à un réexamen humain des décisions automatisées",
     "el derecho a la revisión humana de las decisiones automatizadas", "الحق في مراجعة بشرية للقرارات الآلية"},
    {"information before any new system is bought", "une information avant tout achat de nouveau système",
     "información previa a la compra de cualquier sistema nuevo", "الإعلام المسبق قبل شراء أي نظام جديد"},
    {"a joint committee on algorithms", "un comité paritaire sur les algorithmes", "una comisión paritaria sobre algoritmos",
     "لجنة مشتركة معنية بالخوارزميات"},
    {"access to the data collected about each worker", "l'accès aux données collectées sur chaque agent",
     "el acceso a los datos recogidos sobre cada trabajador", "الاطلاع على البيانات المجمعة عن كل عامل"},
    {"a ban on using monitoring data for discipline",
     "l'interdiction d'utiliser les données de surveillance à des fins disciplinaires",
     "la prohibición de usar datos de vigilancia con fines disciplinarios", "حظر استخدام بيانات المراقبة لأغراض تأديبية"},
    {"paid training time on digital tools", "un temps de formation rémunéré aux outils numériques",
     "tiempo de formación remunerado en herramientas digitales", "وقت تدريب مدفوع الأجر على الأدوات الرقمية"},
    {"impact assessments with union participation", "des études d'impact avec participation syndicale",
     "evaluaciones de impacto con participación sindical", "تقييمات الأثر بمشاركة النقابة"},
    {"a right to disconnect after working hours", "un droit à la déconnexion en dehors des heures de travail",
     "un derecho a la desconexión fuera del horario laboral", "الحق في قطع الاتصال خارج ساعات العمل"},
    {"no job losses without negotiation", "aucune suppression de poste sans négociation", "ningún despido sin negociación",
     "عدم إلغاء أي وظيفة دون تفاوض"},
    {"a ban on emotion recognition", "l'interdiction de la reconnaissance des émotions",
     "la prohibición del reconocimiento de emociones", "حظر تقنيات التعرف على المشاعر"},
    {"an independent audit of the algorithm every year", "un audit indépendant de l'algorithme chaque année",
     "una auditoría independiente del algoritmo cada año", "تدقيق مستقل للخوارزمية كل عام"},
    {"union access to the system's documentation", "l'accès du syndicat à la documentation du système",
     "el acceso del sindicato a la documentación del sistema", "اطلاع النقابة على وثائق النظام"},
    {"a public register of the algorithms in use", "un registre public des algorithmes utilisés",
     "un registro público de los algoritmos en uso", "سجل عام للخوارزميات المستخدمة"},
    {"the deletion of data after six months", "l'effacement des données au bout de six mois",
     "la eliminación de los datos a los seis meses", "حذف البيانات بعد ستة أشهر"},
    {"telework equipment and costs paid by the employer",
     "la prise en charge des équipements et des frais de télétravail par l'employeur",
     "equipos y gastos de teletrabajo a cargo del empleador", "تحمّل صاحب العمل لمعدات العمل عن بعد وتكاليفه"},
    {"a trial period with the right to stop the system", "une période d'essai avec le droit d'arrêter le système",
     "un periodo de prueba con derecho a detener el sistema", "فترة تجريبية مع الحق في إيقاف النظام"},
    {"redeployment and retraining instead of dismissal", "le reclassement et la reconversion plutôt que le licenciement",
     "la reubicación y la reconversión en lugar del despido", "إعادة التوزيع والتأهيل بدلًا من الفصل"},
    {"data kept on servers under public control", "des données hébergées sur des serveurs sous contrôle public",
     "datos alojados en servidores bajo control público", "حفظ البيانات على خوادم تحت الرقابة العامة"},
    {"clear limits on location tracking", "des limites claires à la géolocalisation", "límites claros al rastreo de ubicación",
     "حدود واضحة لتتبع الموقع"},
    {"a data steward elected by the staff", "un délégué aux données élu par le personnel",
     "un delegado de datos elegido por la plantilla", "مندوب للبيانات ينتخبه العاملون"},
    {"the right to an explanation in plain language", "le droit à une explication en langage clair",
     "el derecho a una explicación en lenguaje claro", "الحق في تفسير بلغة واضحة"},
    {"minimum staffing levels written into the agreement", "des effectifs minimaux inscrits dans l'accord",
     "niveles mínimos de plantilla fijados en el convenio", "تحديد الحد الأدنى لعدد الموظفين في الاتفاقية"},
    {"a say in the choice of suppliers", "un droit de regard sur le choix des fournisseurs",
     "voz en la elección de los proveedores", "المشاركة في اختيار المورّدين"},
    {"gender impact checks before deployment", "une vérification de l'impact sur l'égalité avant tout déploiement",
     "controles de impacto de género antes de la implantación", "فحص الأثر على المساواة بين الجنسين قبل التشغيل"},
    {"time off for union representatives to study new systems", "des heures de délégation pour étudier les nouveaux systèmes",
     "horas sindicales para estudiar los nuevos sistemas", "تفرغ للممثلين النقابيين لدراسة الأنظمة الجديدة"},
    {"a ban on selling workers' data", "l'interdiction de vendre les données du personnel",
     "la prohibición de vender los datos del personal", "حظر بيع بيانات العمال"},
    {"an expert chosen by the union and paid by the employer", "un expert choisi par le syndicat et payé par l'employeur",
     "un experto elegido por el sindicato y pagado por el empleador", "خبير تختاره النقابة ويدفع أجره صاحب العمل"},
    {"regular reports on the system's errors", "des rapports réguliers sur les erreurs du système",
     "informes periódicos sobre los errores del sistema", "تقارير دورية عن أخطاء النظام"},
    {"protection for whistleblowers", "la protection des lanceurs d'alerte", "la protección de los denunciantes",
     "حماية المبلّغين عن المخالفات"},
    {"collective data rights for the union", "des droits collectifs sur les données pour le syndicat",
     "derechos colectivos sobre los datos para el sindicato", "حقوق جماعية في البيانات للنقابة"},
    {"a human contact point for every service user", "un interlocuteur humain pour chaque usager",
     "un punto de contacto humano para cada usuario", "نقطة اتصال بشرية لكل مستفيد"},
    {"a review clause after twelve months", "une clause de réexamen au bout de douze mois",
     "una cláusula de revisión a los doce meses", "بند مراجعة بعد اثني عشر شهرًا"},
    {"a share of productivity gains for staff", "une part des gains de productivité pour le personnel",
     "una parte de las ganancias de productividad para la plantilla", "حصة من مكاسب الإنتاجية للموظفين"},
    {"shorter working time without loss of pay", "la réduction du temps de travail sans perte de salaire",
     "la reducción de jornada sin pérdida salarial", "تخفيض ساعات العمل دون خفض الأجر"},
    {"open standards and open source software", "des standards ouverts et des logiciels libres",
     "estándares abiertos y software libre", "المعايير المفتوحة والبرمجيات مفتوحة المصدر"},
    {"consultation of service users", "la consultation des usagers", "la consulta a las personas usuarias",
     "استشارة مستخدمي الخدمات"},
    {"a health and safety risk assessment of the new tools", "une évaluation des risques professionnels liés aux nouveaux outils",
     "una evaluación de riesgos laborales de las nuevas herramientas", "تقييم مخاطر السلامة والصحة المهنية للأدوات الجديدة"},
    {"no individual performance scores", "aucune note de performance individuelle",
     "ninguna puntuación individual de rendimiento", "عدم اعتماد مؤشرات أداء فردية"},
    {"a digital rights officer in each workplace", "un référent droits numériques sur chaque site",
     "un referente de derechos digitales en cada centro", "مسؤول عن الحقوق الرقمية في كل موقع عمل"},
    {"a union seat on the project board", "un siège syndical au comité de pilotage",
     "un puesto sindical en el comité de dirección del proyecto", "مقعد نقابي في لجنة إدارة المشروع"},
};

// Workplaces, plural, tied to a sector (-1: any).
struct Workplace {
    int sector;
    L4 text;
};
constexpr Workplace kWorkplaces[] = {
    {0, {"hospital wards", "les services hospitaliers", "las plantas de hospital", "أجنحة المستشفيات"}},
    {0, {"emergency departments", "les services d'urgences", "los servicios de urgencias", "أقسام الطوارئ"}},
    {0, {"health centres", "les centres de santé", "los centros de salud", "المراكز الصحية"}},
    {1, {"primary schools", "les écoles primaires", "las escuelas primarias", "المدارس الابتدائية"}},
    {1, {"secondary schools", "les collèges et lycées", "los institutos de secundaria", "المدارس الثانوية"}},
    {2, {"town halls", "les mairies", "los ayuntamientos", "مقرات البلديات"}},
    {2, {"council depots", "les dépôts municipaux", "los depósitos municipales", "المستودعات البلدية"}},
    {3, {"water treatment plants", "les stations de traitement des eaux", "las plantas potabilizadoras", "محطات معالجة المياه"}},
    {4, {"power stations", "les centrales électriques", "las centrales eléctricas", "محطات توليد الكهرباء"}},
    {5, {"tax offices", "les centres des impôts", "las oficinas tributarias", "مكاتب الضرائب"}},
    {6, {"benefit offices", "les caisses d'allocations", "las oficinas de prestaciones", "مكاتب الإعانات"}},
    {7, {"courthouses", "les palais de justice", "los juzgados", "مباني المحاكم"}},
    {8, {"bus depots", "les dépôts de bus", "las cocheras de autobuses", "مستودعات الحافلات"}},
    {8, {"railway stations", "les gares", "las estaciones de tren", "محطات القطار"}},
    {9,
     {"ministry back offices", "les services administratifs des ministères", "las oficinas administrativas de los ministerios",
      "المكاتب الإدارية للوزارات"}},
    {10,
     {"social services centres", "les centres d'action sociale", "los centros de servicios sociales",
      "مراكز الخدمات الاجتماعية"}},
    {11,
     {"emergency call centres", "les centres d'appels d'urgence", "los centros de llamadas de emergencia",
      "مراكز اتصالات الطوارئ"}},
    {12, {"recycling centres", "les centres de tri des déchets", "los centros de reciclaje", "مراكز إعادة التدوير"}},
    {13, {"mail sorting centres", "les plateformes de tri postal", "los centros de clasificación postal", "مراكز فرز البريد"}},
    {14, {"border posts", "les postes frontières", "los pasos fronterizos", "المراكز الحدودية"}},
    {15, {"job centres", "les agences pour l'emploi", "las oficinas de empleo", "مكاتب التشغيل"}},
    {16, {"care homes", "les maisons de retraite", "las residencias de mayores", "دور المسنين"}},
    {17, {"nurseries", "les crèches", "las guarderías", "دور الحضانة"}},
    {18, {"university campuses", "les campus universitaires", "los campus universitarios", "الحرم الجامعية"}},
    {19, {"public libraries", "les bibliothèques municipales", "las bibliotecas públicas", "المكتبات العامة"}},
    {20, {"prisons", "les établissements pénitentiaires", "los centros penitenciarios", "المؤسسات السجنية"}},
    {22, {"fire stations", "les casernes de pompiers", "los cuarteles de bomberos", "مراكز الإطفاء"}},
    {25, {"container terminals", "les terminaux à conteneurs", "las terminales de contenedores", "محطات الحاويات"}},
    {-1, {"call centres", "les centres d'appels", "los centros de llamadas", "مراكز الاتصال"}},
    {-1, {"data centres", "les centres de données", "los centros de datos", "مراكز البيانات"}},
    {-1, {"open-plan offices", "les bureaux paysagers", "las oficinas diáfanas", "المكاتب المفتوحة"}},
    {-1,
     {"the homes of teleworkers", "les domiciles des télétravailleurs", "los hogares de las personas teletrabajadoras",
      "منازل العاملين عن بعد"}},
};

// What a union did. English, French, Spanish: a past verb phrase after "the union"; Arabic: a verbal noun.
constexpr L4 kActions[] = {
    {"filed a complaint with the data protection authority",
     "a déposé une plainte auprès de l'autorité de protection des données",
     "presentó una queja ante la autoridad de protección de datos", "تقديم شكوى إلى هيئة حماية البيانات"},
    {"ran a survey of its members", "a lancé une enquête auprès de ses adhérents", "realizó una encuesta entre su afiliación",
     "إجراء استطلاع لآراء أعضائها"},
    {"took the case to the labour court", "a porté l'affaire devant le tribunal du travail",
     "llevó el caso ante el juzgado de lo social", "رفع القضية إلى محكمة العمل"},
    {"commissioned an independent audit", "a commandé un audit indépendant", "encargó una auditoría independiente",
     "طلب تدقيق مستقل"},
    {"called a one-day strike", "a appelé à une grève d'une journée", "convocó una huelga de un día",
     "الدعوة إلى إضراب ليوم واحد"},
    {"wrote to every member of the board", "a écrit à chaque membre du conseil d'administration",
     "escribió a cada miembro del consejo de administración", "مراسلة جميع أعضاء مجلس الإدارة"},
    {"held an assembly of stewards", "a réuni une assemblée de délégués", "convocó una asamblea de delegados",
     "عقد جمعية عامة للمندوبين"},
    {"published its own report", "a publié son propre rapport", "publicó su propio informe", "نشر تقرير خاص بها"},
    {"built a coalition with patients' and parents' groups",
     "a bâti une coalition avec des associations de patients et de parents",
     "tejió una alianza con asociaciones de pacientes y de familias", "بناء تحالف مع جمعيات المرضى وأولياء الأمور"},
    {"requested the full contract under freedom of information rules",
     "a demandé le contrat complet au titre de l'accès aux documents administratifs",
     "solicitó el contrato completo por la vía de la transparencia",
     "طلب الاطلاع على العقد كاملًا بموجب قانون الحق في الحصول على المعلومات"},
    {"trained a network of data stewards", "a formé un réseau de référents données", "formó una red de delegados de datos",
     "تدريب شبكة من مندوبي البيانات"},
    {"invited researchers to test the system", "a invité des chercheurs à tester le système",
     "invitó a investigadores a poner a prueba el sistema", "دعوة باحثين لاختبار النظام"},
    {"raised the issue at its national congress", "a soulevé la question lors de son congrès national",
     "planteó el tema en su congreso nacional", "طرح المسألة في مؤتمرها الوطني"},
    {"asked the ombudsman to investigate", "a saisi le médiateur", "pidió a la defensoría del pueblo que investigara",
     "مطالبة أمين المظالم بالتحقيق"},
    {"organised lunchtime meetings in every workplace", "a organisé des réunions à l'heure du déjeuner sur chaque site",
     "organizó reuniones a la hora del almuerzo en cada centro", "تنظيم لقاءات في استراحة الغداء في كل موقع عمل"},
    {"lodged a formal grievance", "a engagé une procédure de réclamation collective", "interpuso una reclamación formal",
     "تقديم تظلم رسمي"},
    {"contacted sister unions in other countries", "a contacté des syndicats frères dans d'autres pays",
     "contactó con sindicatos hermanos de otros países", "التواصل مع نقابات شقيقة في بلدان أخرى"},
    {"briefed local journalists", "a informé la presse locale", "informó a la prensa local", "إطلاع الصحافة المحلية على القضية"},
    {"drafted a model clause with its lawyers", "a rédigé une clause type avec ses juristes",
     "redactó una cláusula modelo con sus abogados", "صياغة بند نموذجي بمساعدة محاميها"},
    {"set up a helpline for members", "a ouvert une permanence téléphonique pour les adhérents",
     "abrió una línea de ayuda para la afiliación", "إنشاء خط هاتفي لمساعدة الأعضاء"},
    {"launched an online petition", "a lancé une pétition en ligne", "lanzó una petición en línea", "إطلاق عريضة إلكترونية"},
    {"demanded a moratorium on the roll-out", "a exigé un moratoire sur le déploiement",
     "exigió una moratoria en la implantación", "المطالبة بوقف مؤقت لتعميم النظام"},
    {"met the labour committee of the regional parliament", "a rencontré la commission du travail du parlement régional",
     "se reunió con la comisión de trabajo del parlamento regional", "لقاء لجنة العمل في البرلمان الإقليمي"},
    {"kept a log of every system failure", "a tenu un registre de chaque panne du système",
     "llevó un registro de cada fallo del sistema", "توثيق كل عطل في النظام"},
    {"mapped the data flows with help from students", "a cartographié les flux de données avec l'aide d'étudiants",
     "mapeó los flujos de datos con ayuda de estudiantes", "رسم خريطة تدفقات البيانات بمساعدة طلاب جامعيين"},
};

// Countries by region (1 north-america, 2 europe-caribbean, 3 asia-pacific, 4 latin-america, 5 africa-mena) and
// the languages commonly used there (bits: 1 en, 2 fr, 4 es, 8 ar). French names carry their article; fr_in is
// the French "in" form, which depends on gender and on the name ("au Kenya", "en France", "à Cuba").
struct Country {
    int region;
    unsigned langs;
    L4 name;
    std::string_view fr_in;
};
constexpr Country kCountries[] = {
    {1, 1 | 2, {"Canada", "le Canada", "Canadá", "كندا"}, "au Canada"},
    {1, 1 | 4, {"the United States", "les États-Unis", "Estados Unidos", "الولايات المتحدة"}, "aux États-Unis"},
    {2, 2, {"France", "la France", "Francia", "فرنسا"}, "en France"},
    {2, 4, {"Spain", "l'Espagne", "España", "إسبانيا"}, "en Espagne"},
    {2, 0, {"Germany", "l'Allemagne", "Alemania", "ألمانيا"}, "en Allemagne"},
    {2, 0, {"Italy", "l'Italie", "Italia", "إيطاليا"}, "en Italie"},
    {2, 2, {"Belgium", "la Belgique", "Bélgica", "بلجيكا"}, "en Belgique"},
    {2, 0, {"Sweden", "la Suède", "Suecia", "السويد"}, "en Suède"},
    {2, 0, {"Norway", "la Norvège", "Noruega", "النرويج"}, "en Norvège"},
    {2, 0, {"Denmark", "le Danemark", "Dinamarca", "الدنمارك"}, "au Danemark"},
    {2, 0, {"the Netherlands", "les Pays-Bas", "Países Bajos", "هولندا"}, "aux Pays-Bas"},
    {2, 1, {"Ireland", "l'Irlande", "Irlanda", "أيرلندا"}, "en Irlande"},
    {2, 1, {"the United Kingdom", "le Royaume-Uni", "Reino Unido", "المملكة المتحدة"}, "au Royaume-Uni"},
    {2, 0, {"Portugal", "le Portugal", "Portugal", "البرتغال"}, "au Portugal"},
    {2, 0, {"Poland", "la Pologne", "Polonia", "بولندا"}, "en Pologne"},
    {2, 0, {"Romania", "la Roumanie", "Rumania", "رومانيا"}, "en Roumanie"},
    {2, 0, {"Greece", "la Grèce", "Grecia", "اليونان"}, "en Grèce"},
    {2, 0, {"Finland", "la Finlande", "Finlandia", "فنلندا"}, "en Finlande"},
    {2, 0, {"Austria", "l'Autriche", "Austria", "النمسا"}, "en Autriche"},
    {2, 0, {"Croatia", "la Croatie", "Croacia", "كرواتيا"}, "en Croatie"},
    {2, 1, {"Jamaica", "la Jamaïque", "Jamaica", "جامايكا"}, "en Jamaïque"},
    {2, 1, {"Trinidad and Tobago", "Trinité-et-Tobago", "Trinidad y Tobago", "ترينيداد وتوباغو"}, "à Trinité-et-Tobago"},
    {2, 1, {"Barbados", "la Barbade", "Barbados", "باربادوس"}, "à la Barbade"},
    {2, 2, {"Haiti", "Haïti", "Haití", "هايتي"}, "en Haïti"},
    {2,
     4,
     {"the Dominican Republic", "la République dominicaine", "República Dominicana", "جمهورية الدومينيكان"},
     "en République dominicaine"},
    {2, 4, {"Cuba", "Cuba", "Cuba", "كوبا"}, "à Cuba"},
    {3, 0, {"Japan", "le Japon", "Japón", "اليابان"}, "au Japon"},
    {3, 0, {"South Korea", "la Corée du Sud", "Corea del Sur", "كوريا الجنوبية"}, "en Corée du Sud"},
    {3, 1, {"India", "l'Inde", "India", "الهند"}, "en Inde"},
    {3, 0, {"Indonesia", "l'Indonésie", "Indonesia", "إندونيسيا"}, "en Indonésie"},
    {3, 1, {"the Philippines", "les Philippines", "Filipinas", "الفلبين"}, "aux Philippines"},
    {3, 1, {"Australia", "l'Australie", "Australia", "أستراليا"}, "en Australie"},
    {3, 1, {"New Zealand", "la Nouvelle-Zélande", "Nueva Zelanda", "نيوزيلندا"}, "en Nouvelle-Zélande"},
    {3, 1, {"Malaysia", "la Malaisie", "Malasia", "ماليزيا"}, "en Malaisie"},
    {3, 1, {"Nepal", "le Népal", "Nepal", "نيبال"}, "au Népal"},
    {3, 1, {"Bangladesh", "le Bangladesh", "Bangladés", "بنغلاديش"}, "au Bangladesh"},
    {3, 1, {"Sri Lanka", "le Sri Lanka", "Sri Lanka", "سريلانكا"}, "au Sri Lanka"},
    {3, 1, {"Pakistan", "le Pakistan", "Pakistán", "باكستان"}, "au Pakistan"},
    {3, 1, {"Fiji", "les Fidji", "Fiyi", "فيجي"}, "aux Fidji"},
    {3, 0, {"Thailand", "la Thaïlande", "Tailandia", "تايلاند"}, "en Thaïlande"},
    {3, 0, {"Mongolia", "la Mongolie", "Mongolia", "منغوليا"}, "en Mongolie"},
    {3,
     1,
     {"Papua New Guinea", "la Papouasie-Nouvelle-Guinée", "Papúa Nueva Guinea", "بابوا غينيا الجديدة"},
     "en Papouasie-Nouvelle-Guinée"},
    {3, 1, {"Singapore", "Singapour", "Singapur", "سنغافورة"}, "à Singapour"},
    {4, 0, {"Brazil", "le Brésil", "Brasil", "البرازيل"}, "au Brésil"},
    {4, 4, {"Argentina", "l'Argentine", "Argentina", "الأرجنتين"}, "en Argentine"},
    {4, 4, {"Chile", "le Chili", "Chile", "تشيلي"}, "au Chili"},
    {4, 4, {"Colombia", "la Colombie", "Colombia", "كولومبيا"}, "en Colombie"},
    {4, 4, {"Mexico", "le Mexique", "México", "المكسيك"}, "au Mexique"},
    {4, 4, {"Peru", "le Pérou", "Perú", "بيرو"}, "au Pérou"},
    {4, 4, {"Uruguay", "l'Uruguay", "Uruguay", "الأوروغواي"}, "en Uruguay"},
    {4, 4, {"Paraguay", "le Paraguay", "Paraguay", "باراغواي"}, "au Paraguay"},
    {4, 4, {"Bolivia", "la Bolivie", "Bolivia", "بوليفيا"}, "en Bolivie"},
    {4, 4, {"Ecuador", "l'Équateur", "Ecuador", "الإكوادور"}, "en Équateur"},
    {4, 4, {"Costa Rica", "le Costa Rica", "Costa Rica", "كوستاريكا"}, "au Costa Rica"},
    {4, 4, {"Guatemala", "le Guatemala", "Guatemala", "غواتيمالا"}, "au Guatemala"},
    {4, 4, {"Honduras", "le Honduras", "Honduras", "هندوراس"}, "au Honduras"},
    {4, 4, {"Panama", "le Panama", "Panamá", "بنما"}, "au Panama"},
    {4, 4, {"El Salvador", "le Salvador", "El Salvador", "السلفادور"}, "au Salvador"},
    {4, 4, {"Venezuela", "le Venezuela", "Venezuela", "فنزويلا"}, "au Venezuela"},
    {5, 1, {"Kenya", "le Kenya", "Kenia", "كينيا"}, "au Kenya"},
    {5, 1, {"Nigeria", "le Nigeria", "Nigeria", "نيجيريا"}, "au Nigeria"},
    {5, 1, {"Ghana", "le Ghana", "Ghana", "غانا"}, "au Ghana"},
    {5, 1, {"South Africa", "l'Afrique du Sud", "Sudáfrica", "جنوب أفريقيا"}, "en Afrique du Sud"},
    {5, 2, {"Senegal", "le Sénégal", "Senegal", "السنغال"}, "au Sénégal"},
    {5, 2, {"Côte d'Ivoire", "la Côte d'Ivoire", "Costa de Marfil", "كوت ديفوار"}, "en Côte d'Ivoire"},
    {5, 1 | 2, {"Cameroon", "le Cameroun", "Camerún", "الكاميرون"}, "au Cameroun"},
    {5, 2 | 8, {"Morocco", "le Maroc", "Marruecos", "المغرب"}, "au Maroc"},
    {5, 2 | 8, {"Tunisia", "la Tunisie", "Túnez", "تونس"}, "en Tunisie"},
    {5, 8, {"Egypt", "l'Égypte", "Egipto", "مصر"}, "en Égypte"},
    {5, 8, {"Jordan", "la Jordanie", "Jordania", "الأردن"}, "en Jordanie"},
    {5, 2 | 8, {"Lebanon", "le Liban", "Líbano", "لبنان"}, "au Liban"},
    {5, 2 | 8, {"Algeria", "l'Algérie", "Argelia", "الجزائر"}, "en Algérie"},
    {5, 1, {"Uganda", "l'Ouganda", "Uganda", "أوغندا"}, "en Ouganda"},
    {5, 1, {"Tanzania", "la Tanzanie", "Tanzania", "تنزانيا"}, "en Tanzanie"},
    {5, 1, {"Zambia", "la Zambie", "Zambia", "زامبيا"}, "en Zambie"},
    {5, 1, {"Zimbabwe", "le Zimbabwe", "Zimbabue", "زيمبابوي"}, "au Zimbabwe"},
    {5, 1, {"Ethiopia", "l'Éthiopie", "Etiopía", "إثيوبيا"}, "en Éthiopie"},
    {5, 2, {"Burkina Faso", "le Burkina Faso", "Burkina Faso", "بوركينا فاسو"}, "au Burkina Faso"},
    {5, 2, {"Benin", "le Bénin", "Benín", "بنين"}, "au Bénin"},
    {5, 2, {"Togo", "le Togo", "Togo", "توغو"}, "au Togo"},
    {5,
     2,
     {"the Democratic Republic of the Congo", "la République démocratique du Congo", "República Democrática del Congo",
      "جمهورية الكونغو الديمقراطية"},
     "en République démocratique du Congo"},
    {5, 1 | 2, {"Mauritius", "Maurice", "Mauricio", "موريشيوس"}, "à Maurice"},
    {5, 8, {"Iraq", "l'Irak", "Irak", "العراق"}, "en Irak"},
    {5, 8, {"Palestine", "la Palestine", "Palestina", "فلسطين"}, "en Palestine"},
    {5, 8, {"Kuwait", "le Koweït", "Kuwait", "الكويت"}, "au Koweït"},
    {5, 2 | 8, {"Mauritania", "la Mauritanie", "Mauritania", "موريتانيا"}, "en Mauritanie"},
    {5, 2, {"Madagascar", "Madagascar", "Madagascar", "مدغشقر"}, "à Madagascar"},
    {5, 1, {"Mozambique", "le Mozambique", "Mozambique", "موزمبيق"}, "au Mozambique"},
    {5, 1, {"Namibia", "la Namibie", "Namibia", "ناميبيا"}, "en Namibie"},
    {5, 1, {"Botswana", "le Botswana", "Botsuana", "بوتسوانا"}, "au Botswana"},
    {5, 1 | 2, {"Rwanda", "le Rwanda", "Ruanda", "رواندا"}, "au Rwanda"},
};
constexpr int country_index(std::string_view en) {
    for (int i = 0; i < static_cast<int>(std::size(kCountries)); ++i)
        if (kCountries[i].name.en == en) return i;
    throw std::logic_error("unknown country");  // in a constant expression: a compile error
}

struct City {
    int country;
    L4 name;
};
#define AV_CITY(country, en, fr, es, ar)           \
    {                                              \
        country_index(country), { en, fr, es, ar } \
    }
constexpr City kCities[] = {
    AV_CITY("Canada", "Toronto", "Toronto", "Toronto", "تورونتو"),
    AV_CITY("Canada", "Montreal", "Montréal", "Montreal", "مونتريال"),
    AV_CITY("Canada", "Vancouver", "Vancouver", "Vancouver", "فانكوفر"),
    AV_CITY("Canada", "Winnipeg", "Winnipeg", "Winnipeg", "وينيبيغ"),
    AV_CITY("Canada", "Halifax", "Halifax", "Halifax", "هاليفاكس"),
    AV_CITY("Canada", "Ottawa", "Ottawa", "Ottawa", "أوتاوا"),
    AV_CITY("Canada", "Quebec City", "Québec", "Quebec", "مدينة كيبك"),
    AV_CITY("the United States", "Chicago", "Chicago", "Chicago", "شيكاغو"),
    AV_CITY("the United States", "Philadelphia", "Philadelphie", "Filadelfia", "فيلادلفيا"),
    AV_CITY("the United States", "Minneapolis", "Minneapolis", "Minneapolis", "مينيابوليس"),
    AV_CITY("the United States", "Oakland", "Oakland", "Oakland", "أوكلاند"),
    AV_CITY("the United States", "Seattle", "Seattle", "Seattle", "سياتل"),
    AV_CITY("the United States", "New York", "New York", "Nueva York", "نيويورك"),
    AV_CITY("the United States", "Detroit", "Detroit", "Detroit", "ديترويت"),
    AV_CITY("the United States", "Boston", "Boston", "Boston", "بوسطن"),
    AV_CITY("the United States", "Los Angeles", "Los Angeles", "Los Ángeles", "لوس أنجلوس"),
    AV_CITY("France", "Lyon", "Lyon", "Lyon", "ليون"),
    AV_CITY("France", "Marseille", "Marseille", "Marsella", "مرسيليا"),
    AV_CITY("France", "Lille", "Lille", "Lille", "ليل"),
    AV_CITY("France", "Toulouse", "Toulouse", "Toulouse", "تولوز"),
    AV_CITY("France", "Nantes", "Nantes", "Nantes", "نانت"),
    AV_CITY("France", "Paris", "Paris", "París", "باريس"),
    AV_CITY("Spain", "Barcelona", "Barcelone", "Barcelona", "برشلونة"),
    AV_CITY("Spain", "Seville", "Séville", "Sevilla", "إشبيلية"),
    AV_CITY("Spain", "Valencia", "Valence", "Valencia", "فالنسيا"),
    AV_CITY("Spain", "Madrid", "Madrid", "Madrid", "مدريد"),
    AV_CITY("Spain", "Bilbao", "Bilbao", "Bilbao", "بلباو"),
    AV_CITY("Germany", "Hamburg", "Hambourg", "Hamburgo", "هامبورغ"),
    AV_CITY("Germany", "Leipzig", "Leipzig", "Leipzig", "لايبزيغ"),
    AV_CITY("Germany", "Cologne", "Cologne", "Colonia", "كولونيا"),
    AV_CITY("Germany", "Berlin", "Berlin", "Berlín", "برلين"),
    AV_CITY("Italy", "Bologna", "Bologne", "Bolonia", "بولونيا"),
    AV_CITY("Italy", "Turin", "Turin", "Turín", "تورينو"),
    AV_CITY("Italy", "Naples", "Naples", "Nápoles", "نابولي"),
    AV_CITY("Italy", "Milan", "Milan", "Milán", "ميلانو"),
    AV_CITY("Belgium", "Brussels", "Bruxelles", "Bruselas", "بروكسل"),
    AV_CITY("Belgium", "Liège", "Liège", "Lieja", "لييج"),
    AV_CITY("Belgium", "Antwerp", "Anvers", "Amberes", "أنتويرب"),
    AV_CITY("Sweden", "Gothenburg", "Göteborg", "Gotemburgo", "غوتنبرغ"),
    AV_CITY("Sweden", "Malmö", "Malmö", "Malmö", "مالمو"),
    AV_CITY("Sweden", "Stockholm", "Stockholm", "Estocolmo", "ستوكهولم"),
    AV_CITY("Norway", "Bergen", "Bergen", "Bergen", "بيرغن"),
    AV_CITY("Norway", "Oslo", "Oslo", "Oslo", "أوسلو"),
    AV_CITY("Denmark", "Aarhus", "Aarhus", "Aarhus", "آرهوس"),
    AV_CITY("Denmark", "Copenhagen", "Copenhague", "Copenhague", "كوبنهاغن"),
    AV_CITY("the Netherlands", "Rotterdam", "Rotterdam", "Róterdam", "روتردام"),
    AV_CITY("the Netherlands", "Utrecht", "Utrecht", "Utrecht", "أوترخت"),
    AV_CITY("the Netherlands", "Amsterdam", "Amsterdam", "Ámsterdam", "أمستردام"),
    AV_CITY("Ireland", "Cork", "Cork", "Cork", "كورك"),
    AV_CITY("Ireland", "Dublin", "Dublin", "Dublín", "دبلن"),
    AV_CITY("the United Kingdom", "Manchester", "Manchester", "Mánchester", "مانشستر"),
    AV_CITY("the United Kingdom", "Glasgow", "Glasgow", "Glasgow", "غلاسكو"),
    AV_CITY("the United Kingdom", "Cardiff", "Cardiff", "Cardiff", "كارديف"),
    AV_CITY("the United Kingdom", "Belfast", "Belfast", "Belfast", "بلفاست"),
    AV_CITY("the United Kingdom", "Leeds", "Leeds", "Leeds", "ليدز"),
    AV_CITY("Portugal", "Porto", "Porto", "Oporto", "بورتو"),
    AV_CITY("Portugal", "Lisbon", "Lisbonne", "Lisboa", "لشبونة"),
    AV_CITY("Poland", "Gdansk", "Gdansk", "Gdansk", "غدانسك"),
    AV_CITY("Poland", "Wroclaw", "Wroclaw", "Breslavia", "فروتسواف"),
    AV_CITY("Poland", "Warsaw", "Varsovie", "Varsovia", "وارسو"),
    AV_CITY("Romania", "Cluj-Napoca", "Cluj-Napoca", "Cluj-Napoca", "كلوج نابوكا"),
    AV_CITY("Romania", "Bucharest", "Bucarest", "Bucarest", "بوخارست"),
    AV_CITY("Greece", "Thessaloniki", "Thessalonique", "Salónica", "سالونيك"),
    AV_CITY("Greece", "Athens", "Athènes", "Atenas", "أثينا"),
    AV_CITY("Finland", "Tampere", "Tampere", "Tampere", "تامبيري"),
    AV_CITY("Finland", "Helsinki", "Helsinki", "Helsinki", "هلسنكي"),
    AV_CITY("Austria", "Graz", "Graz", "Graz", "غراتس"),
    AV_CITY("Austria", "Vienna", "Vienne", "Viena", "فيينا"),
    AV_CITY("Croatia", "Zagreb", "Zagreb", "Zagreb", "زغرب"),
    AV_CITY("Croatia", "Split", "Split", "Split", "سبليت"),
    AV_CITY("Jamaica", "Kingston", "Kingston", "Kingston", "كينغستون"),
    AV_CITY("Jamaica", "Montego Bay", "Montego Bay", "Montego Bay", "مونتيغو باي"),
    AV_CITY("Trinidad and Tobago", "Port of Spain", "Port-d'Espagne", "Puerto España", "بورت أوف سبين"),
    AV_CITY("Trinidad and Tobago", "San Fernando", "San Fernando", "San Fernando", "سان فرناندو"),
    AV_CITY("Barbados", "Bridgetown", "Bridgetown", "Bridgetown", "بريدجتاون"),
    AV_CITY("Haiti", "Port-au-Prince", "Port-au-Prince", "Puerto Príncipe", "بورت أو برنس"),
    AV_CITY("Haiti", "Cap-Haitien", "Cap-Haïtien", "Cabo Haitiano", "كاب هايتيان"),
    AV_CITY("the Dominican Republic", "Santo Domingo", "Saint-Domingue", "Santo Domingo", "سانتو دومينغو"),
    AV_CITY("the Dominican Republic", "Santiago de los Caballeros", "Santiago de los Caballeros", "Santiago de los Caballeros",
            "سانتياغو دي لوس كاباييروس"),
    AV_CITY("Cuba", "Havana", "La Havane", "La Habana", "هافانا"),
    AV_CITY("Japan", "Osaka", "Osaka", "Osaka", "أوساكا"),
    AV_CITY("Japan", "Sapporo", "Sapporo", "Sapporo", "سابورو"),
    AV_CITY("Japan", "Tokyo", "Tokyo", "Tokio", "طوكيو"),
    AV_CITY("Japan", "Fukuoka", "Fukuoka", "Fukuoka", "فوكوكا"),
    AV_CITY("South Korea", "Busan", "Busan", "Busan", "بوسان"),
    AV_CITY("South Korea", "Seoul", "Séoul", "Seúl", "سيول"),
    AV_CITY("South Korea", "Daegu", "Daegu", "Daegu", "دايغو"),
    AV_CITY("India", "Chennai", "Chennai", "Chennai", "تشيناي"),
    AV_CITY("India", "Kolkata", "Calcutta", "Calcuta", "كولكاتا"),
    AV_CITY("India", "Mumbai", "Bombay", "Bombay", "مومباي"),
    AV_CITY("India", "Bengaluru", "Bangalore", "Bangalore", "بنغالورو"),
    AV_CITY("India", "New Delhi", "New Delhi", "Nueva Delhi", "نيودلهي"),
    AV_CITY("India", "Kochi", "Kochi", "Kochi", "كوتشي"),
    AV_CITY("Indonesia", "Jakarta", "Jakarta", "Yakarta", "جاكرتا"),
    AV_CITY("Indonesia", "Surabaya", "Surabaya", "Surabaya", "سورابايا"),
    AV_CITY("Indonesia", "Bandung", "Bandung", "Bandung", "باندونغ"),
    AV_CITY("the Philippines", "Manila", "Manille", "Manila", "مانيلا"),
    AV_CITY("the Philippines", "Cebu", "Cebu", "Cebú", "سيبو"),
    AV_CITY("the Philippines", "Davao", "Davao", "Davao", "دافاو"),
    AV_CITY("the Philippines", "Quezon City", "Quezon City", "Ciudad Quezón", "مدينة كيزون"),
    AV_CITY("Australia", "Melbourne", "Melbourne", "Melbourne", "ملبورن"),
    AV_CITY("Australia", "Sydney", "Sydney", "Sídney", "سيدني"),
    AV_CITY("Australia", "Brisbane", "Brisbane", "Brisbane", "بريسبان"),
    AV_CITY("Australia", "Perth", "Perth", "Perth", "بيرث"),
    AV_CITY("Australia", "Adelaide", "Adélaïde", "Adelaida", "أديلايد"),
    AV_CITY("New Zealand", "Wellington", "Wellington", "Wellington", "ويلينغتون"),
    AV_CITY("New Zealand", "Auckland", "Auckland", "Auckland", "أوكلاند"),
    AV_CITY("New Zealand", "Christchurch", "Christchurch", "Christchurch", "كرايستشيرش"),
    AV_CITY("Malaysia", "Kuala Lumpur", "Kuala Lumpur", "Kuala Lumpur", "كوالالمبور"),
    AV_CITY("Malaysia", "Penang", "Penang", "Penang", "بينانغ"),
    AV_CITY("Nepal", "Kathmandu", "Katmandou", "Katmandú", "كاتماندو"),
    AV_CITY("Nepal", "Pokhara", "Pokhara", "Pokhara", "بوخارا"),
    AV_CITY("Bangladesh", "Dhaka", "Dacca", "Daca", "دكا"),
    AV_CITY("Bangladesh", "Chittagong", "Chittagong", "Chittagong", "شيتاغونغ"),
    AV_CITY("Sri Lanka", "Colombo", "Colombo", "Colombo", "كولومبو"),
    AV_CITY("Sri Lanka", "Kandy", "Kandy", "Kandy", "كاندي"),
    AV_CITY("Pakistan", "Karachi", "Karachi", "Karachi", "كراتشي"),
    AV_CITY("Pakistan", "Lahore", "Lahore", "Lahore", "لاهور"),
    AV_CITY("Fiji", "Suva", "Suva", "Suva", "سوفا"),
    AV_CITY("Thailand", "Bangkok", "Bangkok", "Bangkok", "بانكوك"),
    AV_CITY("Thailand", "Chiang Mai", "Chiang Mai", "Chiang Mai", "تشيانغ ماي"),
    AV_CITY("Mongolia", "Ulaanbaatar", "Oulan-Bator", "Ulán Bator", "أولان باتور"),
    AV_CITY("Papua New Guinea", "Port Moresby", "Port Moresby", "Port Moresby", "بورت مورسبي"),
    AV_CITY("Singapore", "Singapore", "Singapour", "Singapur", "سنغافورة"),
    AV_CITY("Brazil", "São Paulo", "São Paulo", "São Paulo", "ساو باولو"),
    AV_CITY("Brazil", "Porto Alegre", "Porto Alegre", "Porto Alegre", "بورتو أليغري"),
    AV_CITY("Brazil", "Recife", "Recife", "Recife", "ريسيفي"),
    AV_CITY("Brazil", "Belo Horizonte", "Belo Horizonte", "Belo Horizonte", "بيلو هوريزونتي"),
    AV_CITY("Brazil", "Salvador", "Salvador de Bahia", "Salvador de Bahía", "سلفادور"),
    AV_CITY("Brazil", "Rio de Janeiro", "Rio de Janeiro", "Río de Janeiro", "ريو دي جانيرو"),
    AV_CITY("Argentina", "Buenos Aires", "Buenos Aires", "Buenos Aires", "بوينس آيرس"),
    AV_CITY("Argentina", "Córdoba", "Córdoba", "Córdoba", "قرطبة"),
    AV_CITY("Argentina", "Rosario", "Rosario", "Rosario", "روساريو"),
    AV_CITY("Argentina", "Mendoza", "Mendoza", "Mendoza", "مندوزا"),
    AV_CITY("Chile", "Santiago", "Santiago", "Santiago", "سانتياغو"),
    AV_CITY("Chile", "Valparaíso", "Valparaíso", "Valparaíso", "فالبارايسو"),
    AV_CITY("Chile", "Concepción", "Concepción", "Concepción", "كونسبسيون"),
    AV_CITY("Colombia", "Bogotá", "Bogota", "Bogotá", "بوغوتا"),
    AV_CITY("Colombia", "Medellín", "Medellín", "Medellín", "ميديلين"),
    AV_CITY("Colombia", "Cali", "Cali", "Cali", "كالي"),
    AV_CITY("Mexico", "Mexico City", "Mexico", "Ciudad de México", "مكسيكو سيتي"),
    AV_CITY("Mexico", "Guadalajara", "Guadalajara", "Guadalajara", "غوادالاخارا"),
    AV_CITY("Mexico", "Monterrey", "Monterrey", "Monterrey", "مونتيري"),
    AV_CITY("Mexico", "Oaxaca", "Oaxaca", "Oaxaca", "واهاكا"),
    AV_CITY("Peru", "Lima", "Lima", "Lima", "ليما"),
    AV_CITY("Peru", "Arequipa", "Arequipa", "Arequipa", "أريكيبا"),
    AV_CITY("Peru", "Cusco", "Cuzco", "Cusco", "كوسكو"),
    AV_CITY("Uruguay", "Montevideo", "Montevideo", "Montevideo", "مونتيفيديو"),
    AV_CITY("Paraguay", "Asunción", "Asunción", "Asunción", "أسونسيون"),
    AV_CITY("Bolivia", "La Paz", "La Paz", "La Paz", "لاباز"),
    AV_CITY("Bolivia", "Cochabamba", "Cochabamba", "Cochabamba", "كوتشابامبا"),
    AV_CITY("Ecuador", "Quito", "Quito", "Quito", "كيتو"),
    AV_CITY("Ecuador", "Guayaquil", "Guayaquil", "Guayaquil", "غواياكيل"),
    AV_CITY("Costa Rica", "San José", "San José", "San José", "سان خوسيه"),
    AV_CITY("Guatemala", "Guatemala City", "Guatemala", "Ciudad de Guatemala", "مدينة غواتيمالا"),
    AV_CITY("Honduras", "Tegucigalpa", "Tegucigalpa", "Tegucigalpa", "تيغوسيغالبا"),
    AV_CITY("Panama", "Panama City", "Panama", "Ciudad de Panamá", "مدينة بنما"),
    AV_CITY("El Salvador", "San Salvador", "San Salvador", "San Salvador", "سان سلفادور"),
    AV_CITY("Venezuela", "Caracas", "Caracas", "Caracas", "كاراكاس"),
    AV_CITY("Kenya", "Nairobi", "Nairobi", "Nairobi", "نيروبي"),
    AV_CITY("Kenya", "Mombasa", "Mombasa", "Mombasa", "مومباسا"),
    AV_CITY("Kenya", "Kisumu", "Kisumu", "Kisumu", "كيسومو"),
    AV_CITY("Nigeria", "Lagos", "Lagos", "Lagos", "لاغوس"),
    AV_CITY("Nigeria", "Abuja", "Abuja", "Abuya", "أبوجا"),
    AV_CITY("Nigeria", "Kano", "Kano", "Kano", "كانو"),
    AV_CITY("Nigeria", "Ibadan", "Ibadan", "Ibadán", "إبادان"),
    AV_CITY("Ghana", "Accra", "Accra", "Acra", "أكرا"),
    AV_CITY("Ghana", "Kumasi", "Kumasi", "Kumasi", "كوماسي"),
    AV_CITY("South Africa", "Johannesburg", "Johannesburg", "Johannesburgo", "جوهانسبرغ"),
    AV_CITY("South Africa", "Cape Town", "Le Cap", "Ciudad del Cabo", "كيب تاون"),
    AV_CITY("South Africa", "Durban", "Durban", "Durban", "دربان"),
    AV_CITY("Senegal", "Dakar", "Dakar", "Dakar", "داكار"),
    AV_CITY("Senegal", "Saint-Louis", "Saint-Louis", "San Luis", "سان لويس"),
    AV_CITY("Côte d'Ivoire", "Abidjan", "Abidjan", "Abiyán", "أبيدجان"),
    AV_CITY("Côte d'Ivoire", "Bouaké", "Bouaké", "Bouaké", "بواكي"),
    AV_CITY("Cameroon", "Douala", "Douala", "Duala", "دوالا"),
    AV_CITY("Cameroon", "Yaoundé", "Yaoundé", "Yaundé", "ياوندي"),
    AV_CITY("Morocco", "Casablanca", "Casablanca", "Casablanca", "الدار البيضاء"),
    AV_CITY("Morocco", "Rabat", "Rabat", "Rabat", "الرباط"),
    AV_CITY("Morocco", "Marrakesh", "Marrakech", "Marrakech", "مراكش"),
    AV_CITY("Morocco", "Tangier", "Tanger", "Tánger", "طنجة"),
    AV_CITY("Tunisia", "Tunis", "Tunis", "Túnez", "تونس العاصمة"),
    AV_CITY("Tunisia", "Sfax", "Sfax", "Sfax", "صفاقس"),
    AV_CITY("Egypt", "Cairo", "Le Caire", "El Cairo", "القاهرة"),
    AV_CITY("Egypt", "Alexandria", "Alexandrie", "Alejandría", "الإسكندرية"),
    AV_CITY("Jordan", "Amman", "Amman", "Amán", "عمّان"),
    AV_CITY("Jordan", "Irbid", "Irbid", "Irbid", "إربد"),
    AV_CITY("Lebanon", "Beirut", "Beyrouth", "Beirut", "بيروت"),
    AV_CITY("Lebanon", "Tripoli", "Tripoli", "Trípoli", "طرابلس"),
    AV_CITY("Algeria", "Algiers", "Alger", "Argel", "الجزائر العاصمة"),
    AV_CITY("Algeria", "Oran", "Oran", "Orán", "وهران"),
    AV_CITY("Uganda", "Kampala", "Kampala", "Kampala", "كمبالا"),
    AV_CITY("Tanzania", "Dar es Salaam", "Dar es Salaam", "Dar es-Salam", "دار السلام"),
    AV_CITY("Zambia", "Lusaka", "Lusaka", "Lusaka", "لوساكا"),
    AV_CITY("Zimbabwe", "Harare", "Harare", "Harare", "هراري"),
    AV_CITY("Zimbabwe", "Bulawayo", "Bulawayo", "Bulawayo", "بولاوايو"),
    AV_CITY("Ethiopia", "Addis Ababa", "Addis-Abeba", "Adís Abeba", "أديس أبابا"),
    AV_CITY("Burkina Faso", "Ouagadougou", "Ouagadougou", "Uagadugú", "واغادوغو"),
    AV_CITY("Benin", "Cotonou", "Cotonou", "Cotonú", "كوتونو"),
    AV_CITY("Togo", "Lomé", "Lomé", "Lomé", "لومي"),
    AV_CITY("the Democratic Republic of the Congo", "Kinshasa", "Kinshasa", "Kinsasa", "كينشاسا"),
    AV_CITY("the Democratic Republic of the Congo", "Lubumbashi", "Lubumbashi", "Lubumbashi", "لوبومباشي"),
    AV_CITY("Mauritius", "Port Louis", "Port-Louis", "Port Louis", "بور لويس"),
    AV_CITY("Iraq", "Baghdad", "Bagdad", "Bagdad", "بغداد"),
    AV_CITY("Iraq", "Basra", "Bassora", "Basora", "البصرة"),
    AV_CITY("Palestine", "Ramallah", "Ramallah", "Ramala", "رام الله"),
    AV_CITY("Palestine", "Nablus", "Naplouse", "Nablus", "نابلس"),
    AV_CITY("Kuwait", "Kuwait City", "Koweït", "Ciudad de Kuwait", "مدينة الكويت"),
    AV_CITY("Mauritania", "Nouakchott", "Nouakchott", "Nuakchot", "نواكشوط"),
    AV_CITY("Madagascar", "Antananarivo", "Antananarivo", "Antananarivo", "أنتاناناريفو"),
    AV_CITY("Mozambique", "Maputo", "Maputo", "Maputo", "مابوتو"),
    AV_CITY("Namibia", "Windhoek", "Windhoek", "Windhoek", "ويندهوك"),
    AV_CITY("Botswana", "Gaborone", "Gaborone", "Gaborone", "غابورون"),
    AV_CITY("Rwanda", "Kigali", "Kigali", "Kigali", "كيغالي"),
    // Smaller cities: rarer in the texts.
    AV_CITY("Canada", "Edmonton", "Edmonton", "Edmonton", "إدمونتون"),
    AV_CITY("Canada", "Calgary", "Calgary", "Calgary", "كالغاري"),
    AV_CITY("Canada", "Regina", "Regina", "Regina", "ريجاينا"),
    AV_CITY("Canada", "Saskatoon", "Saskatoon", "Saskatoon", "ساسكاتون"),
    AV_CITY("the United States", "Baltimore", "Baltimore", "Baltimore", "بالتيمور"),
    AV_CITY("the United States", "Denver", "Denver", "Denver", "دنفر"),
    AV_CITY("the United States", "Atlanta", "Atlanta", "Atlanta", "أتلانتا"),
    AV_CITY("the United States", "Portland", "Portland", "Portland", "بورتلاند"),
    AV_CITY("the United States", "Milwaukee", "Milwaukee", "Milwaukee", "ميلووكي"),
    AV_CITY("the United States", "Sacramento", "Sacramento", "Sacramento", "ساكرامنتو"),
    AV_CITY("the United States", "Albuquerque", "Albuquerque", "Albuquerque", "ألباكركي"),
    AV_CITY("France", "Bordeaux", "Bordeaux", "Burdeos", "بوردو"),
    AV_CITY("France", "Strasbourg", "Strasbourg", "Estrasburgo", "ستراسبورغ"),
    AV_CITY("France", "Rennes", "Rennes", "Rennes", "رين"),
    AV_CITY("France", "Montpellier", "Montpellier", "Montpellier", "مونبلييه"),
    AV_CITY("France", "Grenoble", "Grenoble", "Grenoble", "غرونوبل"),
    AV_CITY("France", "Saint-Étienne", "Saint-Étienne", "Saint-Étienne", "سانت إتيان"),
    AV_CITY("Spain", "Zaragoza", "Saragosse", "Zaragoza", "سرقسطة"),
    AV_CITY("Spain", "Málaga", "Malaga", "Málaga", "مالقة"),
    AV_CITY("Spain", "Valladolid", "Valladolid", "Valladolid", "بلد الوليد"),
    AV_CITY("Spain", "Murcia", "Murcie", "Murcia", "مرسية"),
    AV_CITY("Germany", "Munich", "Munich", "Múnich", "ميونخ"),
    AV_CITY("Germany", "Frankfurt", "Francfort", "Fráncfort", "فرانكفورت"),
    AV_CITY("Germany", "Dortmund", "Dortmund", "Dortmund", "دورتموند"),
    AV_CITY("Germany", "Bremen", "Brême", "Bremen", "بريمن"),
    AV_CITY("Italy", "Florence", "Florence", "Florencia", "فلورنسا"),
    AV_CITY("Italy", "Genoa", "Gênes", "Génova", "جنوة"),
    AV_CITY("Italy", "Palermo", "Palerme", "Palermo", "باليرمو"),
    AV_CITY("Italy", "Bari", "Bari", "Bari", "باري"),
    AV_CITY("Belgium", "Ghent", "Gand", "Gante", "غنت"),
    AV_CITY("Belgium", "Charleroi", "Charleroi", "Charleroi", "شارلروا"),
    AV_CITY("Belgium", "Namur", "Namur", "Namur", "نامور"),
    AV_CITY("Sweden", "Uppsala", "Uppsala", "Upsala", "أوبسالا"),
    AV_CITY("Norway", "Trondheim", "Trondheim", "Trondheim", "تروندهايم"),
    AV_CITY("Denmark", "Odense", "Odense", "Odense", "أودنسه"),
    AV_CITY("the Netherlands", "The Hague", "La Haye", "La Haya", "لاهاي"),
    AV_CITY("the Netherlands", "Eindhoven", "Eindhoven", "Eindhoven", "أيندهوفن"),
    AV_CITY("Ireland", "Galway", "Galway", "Galway", "غالواي"),
    AV_CITY("Ireland", "Limerick", "Limerick", "Limerick", "ليمريك"),
    AV_CITY("the United Kingdom", "Liverpool", "Liverpool", "Liverpool", "ليفربول"),
    AV_CITY("the United Kingdom", "Bristol", "Bristol", "Brístol", "بريستول"),
    AV_CITY("the United Kingdom", "Edinburgh", "Édimbourg", "Edimburgo", "إدنبرة"),
    AV_CITY("the United Kingdom", "Newcastle", "Newcastle", "Newcastle", "نيوكاسل"),
    AV_CITY("the United Kingdom", "Sheffield", "Sheffield", "Sheffield", "شيفيلد"),
    AV_CITY("Portugal", "Coimbra", "Coimbra", "Coímbra", "كويمبرا"),
    AV_CITY("Portugal", "Braga", "Braga", "Braga", "براغا"),
    AV_CITY("Poland", "Krakow", "Cracovie", "Cracovia", "كراكوف"),
    AV_CITY("Poland", "Lodz", "Lodz", "Lodz", "لودز"),
    AV_CITY("Poland", "Poznan", "Poznan", "Poznan", "بوزنان"),
    AV_CITY("Romania", "Timisoara", "Timisoara", "Timisoara", "تيميشوارا"),
    AV_CITY("Romania", "Iasi", "Iasi", "Iasi", "ياش"),
    AV_CITY("Greece", "Patras", "Patras", "Patras", "باتراس"),
    AV_CITY("Greece", "Heraklion", "Héraklion", "Heraclión", "هيراكليون"),
    AV_CITY("Finland", "Turku", "Turku", "Turku", "توركو"),
    AV_CITY("Finland", "Oulu", "Oulu", "Oulu", "أولو"),
    AV_CITY("Austria", "Linz", "Linz", "Linz", "لينتس"),
    AV_CITY("Austria", "Salzburg", "Salzbourg", "Salzburgo", "سالزبورغ"),
    AV_CITY("Croatia", "Rijeka", "Rijeka", "Rijeka", "رييكا"),
    AV_CITY("Jamaica", "Spanish Town", "Spanish Town", "Spanish Town", "سبانيش تاون"),
    AV_CITY("Barbados", "Speightstown", "Speightstown", "Speightstown", "سبايتستاون"),
    AV_CITY("Cuba", "Santiago de Cuba", "Santiago de Cuba", "Santiago de Cuba", "سانتياغو دي كوبا"),
    AV_CITY("Cuba", "Camagüey", "Camagüey", "Camagüey", "كاماغواي"),
    AV_CITY("the Dominican Republic", "La Romana", "La Romana", "La Romana", "لا رومانا"),
    AV_CITY("Japan", "Nagoya", "Nagoya", "Nagoya", "ناغويا"),
    AV_CITY("Japan", "Kobe", "Kobe", "Kobe", "كوبي"),
    AV_CITY("Japan", "Hiroshima", "Hiroshima", "Hiroshima", "هيروشيما"),
    AV_CITY("Japan", "Sendai", "Sendai", "Sendai", "سينداي"),
    AV_CITY("South Korea", "Incheon", "Incheon", "Incheon", "إنتشون"),
    AV_CITY("South Korea", "Gwangju", "Gwangju", "Gwangju", "غوانغجو"),
    AV_CITY("India", "Hyderabad", "Hyderabad", "Hyderabad", "حيدر أباد"),
    AV_CITY("India", "Pune", "Pune", "Pune", "بونه"),
    AV_CITY("India", "Ahmedabad", "Ahmedabad", "Ahmedabad", "أحمد آباد"),
    AV_CITY("India", "Lucknow", "Lucknow", "Lucknow", "لكناو"),
    AV_CITY("India", "Jaipur", "Jaipur", "Jaipur", "جايبور"),
    AV_CITY("India", "Thiruvananthapuram", "Thiruvananthapuram", "Thiruvananthapuram", "ثيروفانانثابورام"),
    AV_CITY("Indonesia", "Medan", "Medan", "Medan", "ميدان"),
    AV_CITY("Indonesia", "Makassar", "Makassar", "Makassar", "ماكاسار"),
    AV_CITY("Indonesia", "Yogyakarta", "Yogyakarta", "Yogyakarta", "يوجياكارتا"),
    AV_CITY("the Philippines", "Iloilo", "Iloilo", "Iloílo", "إيلويلو"),
    AV_CITY("the Philippines", "Baguio", "Baguio", "Baguio", "باغيو"),
    AV_CITY("Australia", "Hobart", "Hobart", "Hobart", "هوبارت"),
    AV_CITY("Australia", "Darwin", "Darwin", "Darwin", "داروين"),
    AV_CITY("Australia", "Canberra", "Canberra", "Canberra", "كانبرا"),
    AV_CITY("New Zealand", "Dunedin", "Dunedin", "Dunedin", "دنيدن"),
    AV_CITY("Malaysia", "Johor Bahru", "Johor Bahru", "Johor Bahru", "جوهور بارو"),
    AV_CITY("Malaysia", "Kota Kinabalu", "Kota Kinabalu", "Kota Kinabalu", "كوتا كينابالو"),
    AV_CITY("Nepal", "Biratnagar", "Biratnagar", "Biratnagar", "بيراتناغار"),
    AV_CITY("Bangladesh", "Khulna", "Khulna", "Khulna", "خولنا"),
    AV_CITY("Bangladesh", "Rajshahi", "Rajshahi", "Rajshahi", "راجشاهي"),
    AV_CITY("Sri Lanka", "Jaffna", "Jaffna", "Jaffna", "جافنا"),
    AV_CITY("Sri Lanka", "Galle", "Galle", "Galle", "غال"),
    AV_CITY("Pakistan", "Islamabad", "Islamabad", "Islamabad", "إسلام آباد"),
    AV_CITY("Pakistan", "Peshawar", "Peshawar", "Peshawar", "بيشاور"),
    AV_CITY("Pakistan", "Faisalabad", "Faisalabad", "Faisalabad", "فيصل آباد"),
    AV_CITY("Fiji", "Lautoka", "Lautoka", "Lautoka", "لاوتوكا"),
    AV_CITY("Thailand", "Khon Kaen", "Khon Kaen", "Khon Kaen", "خون كاين"),
    AV_CITY("Thailand", "Hat Yai", "Hat Yai", "Hat Yai", "هات ياي"),
    AV_CITY("Mongolia", "Erdenet", "Erdenet", "Erdenet", "إردنت"),
    AV_CITY("Papua New Guinea", "Lae", "Lae", "Lae", "لاي"),
    AV_CITY("Brazil", "Fortaleza", "Fortaleza", "Fortaleza", "فورتاليزا"),
    AV_CITY("Brazil", "Curitiba", "Curitiba", "Curitiba", "كوريتيبا"),
    AV_CITY("Brazil", "Manaus", "Manaus", "Manaos", "ماناوس"),
    AV_CITY("Brazil", "Belém", "Belém", "Belém", "بيليم"),
    AV_CITY("Brazil", "Brasília", "Brasilia", "Brasilia", "برازيليا"),
    AV_CITY("Argentina", "La Plata", "La Plata", "La Plata", "لا بلاتا"),
    AV_CITY("Argentina", "Tucumán", "Tucumán", "Tucumán", "توكومان"),
    AV_CITY("Chile", "Antofagasta", "Antofagasta", "Antofagasta", "أنتوفاغاستا"),
    AV_CITY("Chile", "Temuco", "Temuco", "Temuco", "تيموكو"),
    AV_CITY("Colombia", "Barranquilla", "Barranquilla", "Barranquilla", "بارانكيا"),
    AV_CITY("Colombia", "Cartagena", "Carthagène", "Cartagena", "قرطاجنة"),
    AV_CITY("Colombia", "Bucaramanga", "Bucaramanga", "Bucaramanga", "بوكارامانغا"),
    AV_CITY("Mexico", "Puebla", "Puebla", "Puebla", "بويبلا"),
    AV_CITY("Mexico", "Tijuana", "Tijuana", "Tijuana", "تيخوانا"),
    AV_CITY("Mexico", "Mérida", "Mérida", "Mérida", "ميريدا"),
    AV_CITY("Mexico", "Chihuahua", "Chihuahua", "Chihuahua", "تشيواوا"),
    AV_CITY("Peru", "Trujillo", "Trujillo", "Trujillo", "تروخيو"),
    AV_CITY("Peru", "Iquitos", "Iquitos", "Iquitos", "إكيتوس"),
    AV_CITY("Uruguay", "Salto", "Salto", "Salto", "سالتو"),
    AV_CITY("Uruguay", "Paysandú", "Paysandú", "Paysandú", "بايساندو"),
    AV_CITY("Paraguay", "Ciudad del Este", "Ciudad del Este", "Ciudad del Este", "سيوداد ديل إستي"),
    AV_CITY("Paraguay", "Encarnación", "Encarnación", "Encarnación", "إنكارناسيون"),
    AV_CITY("Bolivia", "Santa Cruz", "Santa Cruz", "Santa Cruz", "سانتا كروز"),
    AV_CITY("Bolivia", "El Alto", "El Alto", "El Alto", "إل ألتو"),
    AV_CITY("Ecuador", "Cuenca", "Cuenca", "Cuenca", "كوينكا"),
    AV_CITY("Costa Rica", "Limón", "Limón", "Limón", "ليمون"),
    AV_CITY("Costa Rica", "Alajuela", "Alajuela", "Alajuela", "ألاخويلا"),
    AV_CITY("Guatemala", "Quetzaltenango", "Quetzaltenango", "Quetzaltenango", "كيتزالتينانغو"),
    AV_CITY("Honduras", "San Pedro Sula", "San Pedro Sula", "San Pedro Sula", "سان بيدرو سولا"),
    AV_CITY("Panama", "Colón", "Colón", "Colón", "كولون"),
    AV_CITY("El Salvador", "Santa Ana", "Santa Ana", "Santa Ana", "سانتا آنا"),
    AV_CITY("Venezuela", "Maracaibo", "Maracaibo", "Maracaibo", "ماراكايبو"),
    AV_CITY("Venezuela", "Barquisimeto", "Barquisimeto", "Barquisimeto", "باركيسيميتو"),
    AV_CITY("Kenya", "Nakuru", "Nakuru", "Nakuru", "ناكورو"),
    AV_CITY("Kenya", "Eldoret", "Eldoret", "Eldoret", "إلدوريت"),
    AV_CITY("Nigeria", "Port Harcourt", "Port Harcourt", "Port Harcourt", "بورت هاركورت"),
    AV_CITY("Nigeria", "Enugu", "Enugu", "Enugu", "إينوغو"),
    AV_CITY("Ghana", "Tamale", "Tamale", "Tamale", "تامالي"),
    AV_CITY("Ghana", "Takoradi", "Takoradi", "Takoradi", "تاكورادي"),
    AV_CITY("South Africa", "Pretoria", "Pretoria", "Pretoria", "بريتوريا"),
    AV_CITY("South Africa", "Gqeberha", "Gqeberha", "Gqeberha", "كيبيرها"),
    AV_CITY("South Africa", "Bloemfontein", "Bloemfontein", "Bloemfontein", "بلومفونتين"),
    AV_CITY("Senegal", "Thiès", "Thiès", "Thiès", "تييس"),
    AV_CITY("Senegal", "Ziguinchor", "Ziguinchor", "Ziguinchor", "زيغينشور"),
    AV_CITY("Côte d'Ivoire", "Yamoussoukro", "Yamoussoukro", "Yamusukro", "ياموسوكرو"),
    AV_CITY("Côte d'Ivoire", "San-Pédro", "San-Pédro", "San Pedro", "سان بيدرو"),
    AV_CITY("Cameroon", "Bamenda", "Bamenda", "Bamenda", "باميندا"),
    AV_CITY("Cameroon", "Garoua", "Garoua", "Garua", "غاروا"),
    AV_CITY("Morocco", "Fez", "Fès", "Fez", "فاس"),
    AV_CITY("Morocco", "Agadir", "Agadir", "Agadir", "أكادير"),
    AV_CITY("Morocco", "Oujda", "Oujda", "Uchda", "وجدة"),
    AV_CITY("Tunisia", "Sousse", "Sousse", "Susa", "سوسة"),
    AV_CITY("Tunisia", "Gabès", "Gabès", "Gabes", "قابس"),
    AV_CITY("Egypt", "Giza", "Gizeh", "Guiza", "الجيزة"),
    AV_CITY("Egypt", "Port Said", "Port-Saïd", "Puerto Saíd", "بورسعيد"),
    AV_CITY("Egypt", "Assiut", "Assiout", "Asiut", "أسيوط"),
    AV_CITY("Jordan", "Zarqa", "Zarka", "Zarqa", "الزرقاء"),
    AV_CITY("Jordan", "Aqaba", "Aqaba", "Áqaba", "العقبة"),
    AV_CITY("Lebanon", "Sidon", "Saïda", "Sidón", "صيدا"),
    AV_CITY("Lebanon", "Zahle", "Zahlé", "Zahle", "زحلة"),
    AV_CITY("Algeria", "Constantine", "Constantine", "Constantina", "قسنطينة"),
    AV_CITY("Algeria", "Annaba", "Annaba", "Annaba", "عنابة"),
    AV_CITY("Uganda", "Gulu", "Gulu", "Gulu", "غولو"),
    AV_CITY("Uganda", "Jinja", "Jinja", "Jinja", "جينجا"),
    AV_CITY("Tanzania", "Dodoma", "Dodoma", "Dodoma", "دودوما"),
    AV_CITY("Tanzania", "Arusha", "Arusha", "Arusha", "أروشا"),
    AV_CITY("Tanzania", "Mwanza", "Mwanza", "Mwanza", "موانزا"),
    AV_CITY("Zambia", "Ndola", "Ndola", "Ndola", "ندولا"),
    AV_CITY("Zambia", "Kitwe", "Kitwe", "Kitwe", "كيتوي"),
    AV_CITY("Zimbabwe", "Mutare", "Mutare", "Mutare", "موتاري"),
    AV_CITY("Ethiopia", "Dire Dawa", "Dire Dawa", "Dire Dawa", "ديري داوا"),
    AV_CITY("Ethiopia", "Mekelle", "Mekele", "Mekele", "ميكيلي"),
    AV_CITY("Burkina Faso", "Bobo-Dioulasso", "Bobo-Dioulasso", "Bobo-Dioulasso", "بوبو ديولاسو"),
    AV_CITY("Benin", "Porto-Novo", "Porto-Novo", "Porto Novo", "بورتو نوفو"),
    AV_CITY("Benin", "Parakou", "Parakou", "Parakou", "باراكو"),
    AV_CITY("Togo", "Kara", "Kara", "Kara", "كارا"),
    AV_CITY("the Democratic Republic of the Congo", "Goma", "Goma", "Goma", "غوما"),
    AV_CITY("the Democratic Republic of the Congo", "Kisangani", "Kisangani", "Kisangani", "كيسانغاني"),
    AV_CITY("Mauritius", "Curepipe", "Curepipe", "Curepipe", "كوربيب"),
    AV_CITY("Iraq", "Mosul", "Mossoul", "Mosul", "الموصل"),
    AV_CITY("Iraq", "Erbil", "Erbil", "Erbil", "أربيل"),
    AV_CITY("Iraq", "Najaf", "Nadjaf", "Náyaf", "النجف"),
    AV_CITY("Palestine", "Hebron", "Hébron", "Hebrón", "الخليل"),
    AV_CITY("Palestine", "Gaza", "Gaza", "Gaza", "غزة"),
    AV_CITY("Palestine", "Bethlehem", "Bethléem", "Belén", "بيت لحم"),
    AV_CITY("Kuwait", "Al Ahmadi", "Al-Ahmadi", "Al Ahmadi", "الأحمدي"),
    AV_CITY("Mauritania", "Nouadhibou", "Nouadhibou", "Nuadibú", "نواذيبو"),
    AV_CITY("Madagascar", "Toamasina", "Toamasina", "Toamasina", "تواماسينا"),
    AV_CITY("Madagascar", "Mahajanga", "Mahajanga", "Mahajanga", "ماهاجانغا"),
    AV_CITY("Mozambique", "Beira", "Beira", "Beira", "بيرا"),
    AV_CITY("Mozambique", "Nampula", "Nampula", "Nampula", "نامبولا"),
    AV_CITY("Namibia", "Walvis Bay", "Walvis Bay", "Walvis Bay", "والفيس باي"),
    AV_CITY("Botswana", "Francistown", "Francistown", "Francistown", "فرانسيستاون"),
    AV_CITY("Rwanda", "Huye", "Huye", "Huye", "هويي"),
    AV_CITY("Rwanda", "Musanze", "Musanze", "Musanze", "موسانزي"),
};
#undef AV_CITY

// Laws, policies and international instruments (generic or public texts; no people).
constexpr L4 kLaws[] = {
    {"the national data protection law", "la loi nationale sur la protection des données",
     "la ley nacional de protección de datos", "القانون الوطني لحماية البيانات"},
    {"the labour code", "le code du travail", "el código laboral", "قانون العمل"},
    {"the civil service statute", "le statut de la fonction publique", "el estatuto de la función pública",
     "النظام الأساسي للوظيفة العمومية"},
    {"the EU AI Act", "le règlement européen sur l'IA", "el Reglamento de IA de la UE", "قانون الذكاء الاصطناعي الأوروبي"},
    {"the GDPR", "le RGPD", "el RGPD", "اللائحة العامة لحماية البيانات"},
    {"the public procurement code", "le code des marchés publics", "la ley de contratación pública", "قانون الصفقات العمومية"},
    {"the occupational safety and health act", "la loi sur la santé et la sécurité au travail",
     "la ley de seguridad y salud en el trabajo", "قانون السلامة والصحة المهنية"},
    {"ILO Convention 190", "la convention 190 de l'OIT", "el Convenio 190 de la OIT", "اتفاقية منظمة العمل الدولية رقم 190"},
    {"ILO Convention 151", "la convention 151 de l'OIT", "el Convenio 151 de la OIT", "اتفاقية منظمة العمل الدولية رقم 151"},
    {"the right to information act", "la loi sur l'accès à l'information", "la ley de acceso a la información",
     "قانون الحق في الحصول على المعلومات"},
    {"the telework law", "la loi sur le télétravail", "la ley de teletrabajo", "قانون العمل عن بعد"},
    {"the new digital government strategy", "la nouvelle stratégie de l'État numérique",
     "la nueva estrategia de gobierno digital", "الاستراتيجية الجديدة للحكومة الرقمية"},
    {"the national AI strategy", "la stratégie nationale d'IA", "la estrategia nacional de IA",
     "الاستراتيجية الوطنية للذكاء الاصطناعي"},
    {"the Council of Europe Framework Convention on AI", "la convention-cadre du Conseil de l'Europe sur l'IA",
     "el Convenio Marco del Consejo de Europa sobre IA", "الاتفاقية الإطارية لمجلس أوروبا بشأن الذكاء الاصطناعي"},
    {"the platform work directive", "la directive sur le travail de plateforme", "la directiva sobre el trabajo en plataformas",
     "التوجيه الأوروبي بشأن العمل عبر المنصات"},
    {"the cybersecurity law", "la loi sur la cybersécurité", "la ley de ciberseguridad", "قانون الأمن السيبراني"},
    {"the UNESCO recommendation on the ethics of AI", "la recommandation de l'UNESCO sur l'éthique de l'IA",
     "la Recomendación de la UNESCO sobre la ética de la IA", "توصية اليونسكو بشأن أخلاقيات الذكاء الاصطناعي"},
    {"the OECD AI principles", "les principes de l'OCDE sur l'IA", "los principios de la OCDE sobre IA",
     "مبادئ منظمة التعاون الاقتصادي والتنمية بشأن الذكاء الاصطناعي"},
};

constexpr L4 kEvents[] = {
    {"a three-hour online workshop", "un atelier en ligne de trois heures", "un taller en línea de tres horas",
     "ورشة عمل عبر الإنترنت مدتها ثلاث ساعات"},
    {"a regional training cycle", "un cycle de formation régional", "un ciclo de formación regional", "دورة تدريبية إقليمية"},
    {"a webinar for shop stewards", "un webinaire pour les délégués", "un seminario web para delegados",
     "ندوة عبر الإنترنت للمندوبين"},
    {"a meeting of the joint committee", "une réunion du comité paritaire", "una reunión de la comisión paritaria",
     "اجتماع للجنة المشتركة"},
    {"a bargaining round", "une séance de négociation", "una ronda de negociación", "جولة مفاوضات"},
    {"a national conference", "une conférence nationale", "una conferencia nacional", "مؤتمر وطني"},
    {"a study circle", "un cercle d'étude", "un círculo de estudio", "حلقة دراسية"},
    {"a members' survey", "une enquête auprès des adhérents", "una encuesta a la afiliación", "استطلاع لآراء الأعضاء"},
    {"a peer exchange between unions", "un échange entre syndicats", "un intercambio entre sindicatos",
     "تبادل بين النقابات النظيرة"},
    {"a public hearing", "une audition publique", "una audiencia pública", "جلسة استماع علنية"},
    {"a coalition meeting with user groups", "une réunion de coalition avec des associations d'usagers",
     "una reunión de coalición con asociaciones de usuarios", "اجتماع تحالف مع جمعيات المستخدمين"},
    {"a mapping exercise of workplace systems", "un inventaire des systèmes utilisés au travail",
     "un mapeo de los sistemas usados en el trabajo", "عملية حصر للأنظمة المستخدمة في مكان العمل"},
    {"a day of action", "une journée d'action", "una jornada de acción", "يوم للتحرك النقابي"},
    {"a train-the-trainer session", "une session de formation de formateurs", "una sesión de formación de formadores",
     "جلسة لتدريب المدربين"},
    {"a regional summit", "un sommet régional", "una cumbre regional", "قمة إقليمية"},
    {"a cross-border solidarity visit", "une visite de solidarité transfrontalière", "una visita de solidaridad transfronteriza",
     "زيارة تضامنية عابرة للحدود"},
};

// Public employers; %C is the city and %N the country, in the form the language needs after the noun
// (French "de Lyon", "du Kenya"; English, Spanish and Arabic the plain name).
struct Employer {
    int sector;  // -1: any
    L4 pattern;
};
constexpr Employer kEmployers[] = {
    {2, {"the city council of %C", "la mairie %C", "el ayuntamiento de %C", "بلدية %C"}},
    {0,
     {"the regional health authority of %C", "l'agence régionale de santé %C", "la autoridad sanitaria de %C",
      "الهيئة الصحية في %C"}},
    {0,
     {"the national health service of %N", "le service national de santé %N", "el servicio nacional de salud de %N",
      "الخدمة الصحية الوطنية في %N"}},
    {0,
     {"the university hospital of %C", "le centre hospitalier universitaire %C", "el hospital universitario de %C",
      "المستشفى الجامعي في %C"}},
    {1,
     {"the ministry of education of %N", "le ministère de l'Éducation %N", "el Ministerio de Educación de %N",
      "وزارة التربية والتعليم في %N"}},
    {1, {"the school board of %C", "le conseil scolaire %C", "la junta escolar de %C", "المجلس المدرسي في %C"}},
    {3, {"the water utility of %C", "la régie des eaux %C", "la empresa pública de agua de %C", "مرفق المياه في %C"}},
    {4,
     {"the state energy company of %N", "la compagnie publique d'énergie %N", "la empresa estatal de energía de %N",
      "شركة الطاقة العامة في %N"}},
    {5, {"the revenue authority of %N", "l'administration fiscale %N", "la agencia tributaria de %N", "مصلحة الضرائب في %N"}},
    {6,
     {"the social security institute of %N", "la caisse de sécurité sociale %N", "el instituto de seguridad social de %N",
      "مؤسسة الضمان الاجتماعي في %N"}},
    {7, {"the court service of %N", "le service des tribunaux %N", "la administración de justicia de %N", "إدارة المحاكم في %N"}},
    {8,
     {"the public transport authority of %C", "la régie des transports %C", "la empresa de transporte público de %C",
      "هيئة النقل العام في %C"}},
    {9,
     {"the ministry of the civil service of %N", "le ministère de la Fonction publique %N",
      "el Ministerio de la Función Pública de %N", "وزارة الوظيفة العمومية في %N"}},
    {10,
     {"the social services department of %C", "la direction des affaires sociales %C",
      "el departamento de servicios sociales de %C", "إدارة الخدمات الاجتماعية في %C"}},
    {11,
     {"the emergency service of %C", "le service des urgences %C", "el servicio de emergencias de %C", "مصلحة الطوارئ في %C"}},
    {12,
     {"the waste management company of %C", "la régie de collecte des déchets %C", "la empresa de limpieza de %C",
      "شركة إدارة النفايات في %C"}},
    {13, {"the national postal service of %N", "la poste publique %N", "el correo público de %N", "البريد الوطني في %N"}},
    {14, {"the customs administration of %N", "l'administration des douanes %N", "la aduana de %N", "إدارة الجمارك في %N"}},
    {15,
     {"the public employment agency of %N", "l'agence pour l'emploi %N", "el servicio público de empleo de %N",
      "وكالة التشغيل العامة في %N"}},
    {16,
     {"the home care service of %C", "le service de soins à domicile %C", "el servicio de cuidados de %C",
      "مصلحة الرعاية المنزلية في %C"}},
    {18, {"the public university of %C", "l'université publique %C", "la universidad pública de %C", "الجامعة الحكومية في %C"}},
    {19,
     {"the public library network of %C", "le réseau des bibliothèques %C", "la red de bibliotecas de %C",
      "شبكة المكتبات العامة في %C"}},
    {20,
     {"the prison administration of %N", "l'administration pénitentiaire %N", "la administración penitenciaria de %N",
      "إدارة السجون في %N"}},
    {22,
     {"the fire and rescue service of %C", "le service d'incendie et de secours %C", "el cuerpo de bomberos de %C",
      "خدمة الإطفاء والإنقاذ في %C"}},
    {23, {"the housing office of %C", "l'office du logement %C", "la empresa municipal de vivienda de %C", "مكتب الإسكان في %C"}},
    {24,
     {"the national statistics office of %N", "l'institut national de la statistique %N",
      "el instituto nacional de estadística de %N", "المكتب الوطني للإحصاء في %N"}},
    {25, {"the port authority of %C", "l'autorité portuaire %C", "la autoridad portuaria de %C", "هيئة الميناء في %C"}},
    {29,
     {"the electricity distribution company of %N", "la société de distribution d'électricité %N",
      "la distribuidora eléctrica de %N", "شركة توزيع الكهرباء في %N"}},
    {-1, {"the regional government of %C", "le conseil régional %C", "el gobierno regional de %C", "الحكومة الإقليمية في %C"}},
};

// Invented unions: kind + members + place ("the Federation of Health Workers of Kisumu").
constexpr L4 kUnionKinds[] = {
    {"Union", "le Syndicat", "el Sindicato", "نقابة"},
    {"Federation", "la Fédération", "la Federación", "اتحاد"},
    {"Association", "l'Association", "la Asociación", "جمعية"},
    {"Alliance", "l'Alliance", "la Alianza", "تحالف"},
    {"National Union", "le Syndicat national", "el Sindicato Nacional", "نقابة"},
    {"General Union", "l'Union générale", "la Unión General", "رابطة"},
};
constexpr L4 kUnionMembers[] = {
    {"Municipal Workers", "des travailleurs municipaux", "de Trabajadores Municipales", "عمال البلديات"},
    {"Health Workers", "des personnels de santé", "de Trabajadores de la Salud", "العاملين في الصحة"},
    {"Public Employees", "des agents publics", "de Empleados Públicos", "الموظفين العموميين"},
    {"Tax and Revenue Staff", "des personnels des impôts", "del Personal de Hacienda", "موظفي الضرائب"},
    {"Teachers", "des enseignants", "de Docentes", "المعلمين"},
    {"Water and Energy Workers", "des travailleurs de l'eau et de l'énergie", "de Trabajadores del Agua y la Energía",
     "عمال المياه والطاقة"},
    {"Social Security Employees", "des employés de la sécurité sociale", "de Empleados de la Seguridad Social",
     "موظفي الضمان الاجتماعي"},
    {"Civil Servants", "des fonctionnaires", "de Funcionarios", "الموظفين المدنيين"},
    {"Nurses and Midwives", "des infirmiers et sages-femmes", "de Enfermeras y Parteras", "الممرضين والقابلات"},
    {"Court Staff", "des personnels de justice", "de Trabajadores Judiciales", "موظفي المحاكم"},
    {"Transport Workers", "des travailleurs des transports", "de Trabajadores del Transporte", "عمال النقل"},
    {"Postal and Telecom Workers", "des postiers et des télécoms", "de Trabajadores Postales y de Telecomunicaciones",
     "عمال البريد والاتصالات"},
    {"Care Workers", "des travailleurs du soin", "de Trabajadoras del Cuidado", "عمال الرعاية"},
    {"Firefighters", "des sapeurs-pompiers", "de Bomberos", "رجال الإطفاء"},
    {"Library and Culture Workers", "des métiers de la culture", "de Trabajadores de la Cultura", "العاملين في الثقافة"},
    {"University Staff", "des personnels des universités", "del Personal Universitario", "موظفي الجامعات"},
    {"Customs Officers", "des douaniers", "de Aduaneros", "موظفي الجمارك"},
    {"Local Government Officers", "des cadres territoriaux", "de Servidores Municipales", "موظفي الإدارة المحلية"},
    {"Social Workers", "des travailleurs sociaux", "de Trabajadores Sociales", "الأخصائيين الاجتماعيين"},
    {"Public Service Employees", "des services publics", "de los Servicios Públicos", "العاملين في الخدمات العامة"},
    {"Electricity Workers", "des électriciens et gaziers", "de Trabajadores Eléctricos", "عمال الكهرباء"},
    {"Statistics Staff", "des agents de la statistique", "de Trabajadores de Estadística", "موظفي الإحصاء"},
    {"Prison Staff", "des personnels pénitentiaires", "de Trabajadores Penitenciarios", "موظفي السجون"},
    {"Employment Service Staff", "des agents du service de l'emploi", "de Trabajadores del Servicio de Empleo",
     "موظفي خدمات التشغيل"},
};

// Invented software suppliers (any likeness to a real firm is accidental), with a suffix.
constexpr std::string_view kVendors[] = {
    "Civitrack", "Quillmark", "Norvane", "Plorix",   "Zentravia", "Tessaline",  "Ombrel",  "Kavrex",  "Lumora",  "Faroline",
    "Veldmark",  "Scalvo",    "Trivane", "Axiolab",  "Corvell",   "Pentaquill", "Sorbex",  "Ivarra",  "Quenta",  "Brisolo",
    "Datavelle", "Nexamor",   "Orlindo", "Praxelis", "Rumavo",    "Stelvane",   "Tundrix", "Ulvarta", "Wexmoor", "Gravicon"};
constexpr std::string_view kVendorSuffixes[] = {"Systems", "Analytics", "Solutions", "Labs", "GovTech", "Software", "Data"};

// Invented research and education bodies, used as publishers.
constexpr L4 kInstitutes[] = {
    {"Institute for Public Service Futures", "Institut pour l'avenir des services publics",
     "Instituto para el Futuro de los Servicios Públicos", "معهد مستقبل الخدمات العامة"},
    {"Observatory on Work and Algorithms", "Observatoire du travail et des algorithmes",
     "Observatorio del Trabajo y los Algoritmos", "مرصد العمل والخوارزميات"},
    {"Centre for Digital Democracy at Work", "Centre pour la démocratie numérique au travail",
     "Centro para la Democracia Digital en el Trabajo", "مركز الديمقراطية الرقمية في العمل"},
    {"Labour and Technology Research Network", "Réseau de recherche travail et technologie",
     "Red de Investigación Trabajo y Tecnología", "شبكة البحث في العمل والتكنولوجيا"},
    {"Public Data Commons Foundation", "Fondation pour les communs de données publiques",
     "Fundación Bienes Comunes de Datos Públicos", "مؤسسة المشاعات العامة للبيانات"},
    {"Workers' Education Collective", "Collectif d'éducation ouvrière", "Colectivo de Educación Obrera", "تجمع التثقيف العمالي"},
    {"School of Public Administration and Labour Studies", "École d'administration publique et d'études du travail",
     "Escuela de Administración Pública y Estudios Laborales", "مدرسة الإدارة العامة ودراسات العمل"},
    {"Council of Municipal Unions", "Conseil des syndicats municipaux", "Consejo de Sindicatos Municipales",
     "مجلس النقابات البلدية"},
};

// Indexed like kRegions (0 = global).
constexpr L4 kRegionNames[] = {
    {"the world", "le monde", "el mundo", "العالم"},
    {"North America", "l'Amérique du Nord", "América del Norte", "أمريكا الشمالية"},
    {"Europe and the Caribbean", "l'Europe et les Caraïbes", "Europa y el Caribe", "أوروبا والكاريبي"},
    {"Asia-Pacific", "l'Asie-Pacifique", "Asia y el Pacífico", "آسيا والمحيط الهادئ"},
    {"Latin America", "l'Amérique latine", "América Latina", "أمريكا اللاتينية"},
    {"Africa and the Middle East", "l'Afrique et le Moyen-Orient", "África y Oriente Medio", "أفريقيا والشرق الأوسط"},
};
constexpr L4 kRegionIn[] = {
    {"around the world", "dans le monde entier", "en todo el mundo", "حول العالم"},
    {"in North America", "en Amérique du Nord", "en América del Norte", "في أمريكا الشمالية"},
    {"in Europe and the Caribbean", "en Europe et dans les Caraïbes", "en Europa y el Caribe", "في أوروبا والكاريبي"},
    {"in Asia-Pacific", "en Asie-Pacifique", "en Asia y el Pacífico", "في آسيا والمحيط الهادئ"},
    {"in Latin America", "en Amérique latine", "en América Latina", "في أمريكا اللاتينية"},
    {"in Africa and the Middle East", "en Afrique et au Moyen-Orient", "en África y Oriente Medio", "في أفريقيا والشرق الأوسط"},
};

// Indexed like kAudiences. Arabic in the genitive: audiences always follow a preposition in the templates.
constexpr L4 kAudienceNames[] = {
    {"union leaders", "les dirigeants syndicaux", "la dirigencia sindical", "القيادات النقابية"},
    {"digital rights organisers", "les organisateurs des droits numériques", "las personas organizadoras de derechos digitales",
     "منظمي الحقوق الرقمية"},
    {"shop stewards", "les délégués syndicaux", "los delegados sindicales", "المندوبين النقابيين"},
    {"union staff", "les permanents syndicaux", "el personal sindical", "موظفي النقابات"},
    {"negotiators", "les négociateurs", "los equipos negociadores", "المفاوضين"},
    {"trainers and educators", "les formateurs", "los formadores", "المدربين والمربين"},
    {"union members", "les adhérents", "las personas afiliadas", "أعضاء النقابات"},
    {"the public", "le grand public", "el público general", "عموم الجمهور"},
};

// Indexed like kTypes; only English templates name the type ("this guide").
constexpr std::string_view kTypeNamesEn[] = {"publication",   "guide",   "slide deck",  "recording",
                                             "audio episode", "article", "policy text", "agreement"};

// ---------------------------------------------------------------------------------------------------------
// Sentence templates, per language. Slots: {S} subject, {SEC} sector, {T} tool, {H} harm, {D} demand (fresh at
// each use), {O} occupation, {C} country, {CITY}, {ORG} union, {EMP} employer, {LAW}, {EV} event, {AUD} audience,
// {REG} region, {TYPE}, {Y} year, {Y0} an earlier year, {N} 12..60, {N2} 3..10, {NN} 120..2400, {P} percentage,
// {M} month. A trailing 2 ({S2}, {C2}...) picks another one than the focus. Forms: .de "of" (du, de la, del),
// .a "to" (au, al), .in "in" (au Kenya, en Kenia, في كينيا), .bare without article, .acr acronym.
// Slots are placed where no word has to agree with them (after prepositions, as objects).
// ---------------------------------------------------------------------------------------------------------

using Texts = std::span<const std::string_view>;

// English --------------------------------------------------------------------------------------------------
constexpr std::string_view kEnTitle[] = {
    "{S.bare}: a guide for {AUD}",
    "{S.bare} in {SEC}: what {O} need to know",
    "Bargaining over {T}: lessons from {CITY}",
    "{S.bare} and {SEC}: the view from {C}",
    "Who controls the data? {S.bare} in {C}",
    "{H.bare}: how unions can respond",
    "A union response to {T} in {SEC}",
    "Negotiating {S}: the experience of {C}",
    "{S.bare}, {Y}: a survey of {O} in {CITY}",
    "Ten questions to ask about {T}",
    "Putting people first: {S} in {SEC}",
    "{T}: what the evidence says about {H}",
    "Mapping {T} in {SEC} {REG.in}",
    "Understanding {S}: a primer for {AUD}",
    "{ORG.bare} on {S}",
    "{S.bare} in practice: the case of {EMP}",
    "Digital rights at work in {C}: {S}",
    "The hidden costs of {T}",
    "{Y} report: {S} and {O}",
    "Checklist: introducing {T} without harming staff",
    "Before you sign: {T} and the law in {C}",
    "{S.bare} for {O}: rights, risks and bargaining",
    "From complaint to clause: {H} in {SEC}",
    "Public services, public data: {S} in {CITY}",
};
constexpr std::string_view kEnTitleSlides[] = {
    "Slides: {S} for {AUD}",
    "Workshop slides – {S.bare} ({CITY}, {Y})",
    "Presentation: {T} in {SEC}",
    "Training deck: {H} and union responses",
    "Session slides: {S.bare} and {S2}",
};
constexpr std::string_view kEnTitleRecording[] = {
    "Recording: {EV.bare} on {S}", "Webinar recording – {S.bare} {REG.in}", "Podcast: {O} talk about {T}",
    "Audio: {ORG.bare} on {S}",    "Session {N2} recording: {S}",           "Listen: {S.bare} and {SEC} in {C}",
};
constexpr std::string_view kEnTitleLaw[] = {
    "{LAW.bare}: what it means for {O}", "Policy brief: {LAW} and {S}",         "Reading {LAW}: {T} in {SEC}",
    "Commentary on {LAW} ({C}, {Y})",    "{S.bare} and {LAW}: a union reading",
};
constexpr std::string_view kEnTitleAgreement[] = {
    "Agreement on {S} between {ORG} and {EMP}", "Collective agreement: {T} in {SEC} ({CITY}, {Y})",
    "Framework agreement on {S} – {EMP}",       "Protocol on {S} signed in {CITY}",
    "Model clauses on {S} for {SEC}",
};
constexpr std::string_view kEnSummary[] = {
    "How {O} in {CITY} used their agreement to win {D} after the introduction of {T}.",
    "A short guide for {AUD} on {S}, with questions to put to management and examples from {C}.",
    "This {TYPE} looks at {S} in {SEC} and sets out what unions can negotiate.",
    "Evidence from {N} workplaces in {C} on {H}, and the demands that followed.",
    "Practical steps for {AUD}: how to map {T}, assess the risks and bargain over {S}.",
    "{ORG} explains how {EMP} introduced {T} and what the union did about it.",
    "An overview of {LAW} and what it changes for workers in {SEC}.",
    "Notes from {EV} held in {CITY} in {Y} on {S}.",
    "Why {S} matters for {SEC}, and how unions {REG.in} are responding.",
    "A comparison of {N2} agreements on {S} from {C} and {C2}.",
    "Model clause and commentary: {D}.",
    "What {O} told us about {T}: results of a survey carried out in {M} {Y}.",
    "Key lessons on {S} for {AUD}, drawn from cases in {C} and {C2}.",
    "A step-by-step account of how the union in {CITY} won {D}.",
    "Questions, answers and sample wording on {S} for {SEC}.",
    "Lessons from a year of joint governance of {T} at {EMP}.",
    "A briefing for {AUD} ahead of negotiations on {S}, with a glossary of technical terms.",
    "How unions in {C} and {C2} compared notes on {T} and avoided duplicated work.",
    "Case study from {CITY}: {H}, the union's response and the outcome.",
};
constexpr std::string_view kEnIntro[] = {
    "In {Y}, {EMP} began to roll out {T} across its services.",
    "Across {SEC}, employers are introducing {T} faster than workers can follow.",
    "For {O}, the arrival of {T} has changed the daily rhythm of work.",
    "Public services in {C} are under pressure to digitalise, often with little say for the people who deliver them.",
    "{ORG} ({ORG.acr}) has been following the debate on {S} since {Y0}.",
    "It started with a simple question from {O} in {CITY}: who decides what happens to the data from {T}?",
    "Employers often present {T} as a neutral technical upgrade.",
    "When management announced {T}, the union asked for information first.",
    "Few workers in {SEC} were consulted before {EMP} signed the contract.",
    "For {O}, the question of {S} is no longer a distant one.",
    "Over the past {N2} years, unions in {C} have built up experience with {S}.",
    "The material below was gathered during {EV}, at the initiative of {ORG}.",
    "Much of the public debate on {S} leaves out the people who actually deliver public services.",
    "The introduction of {T} was announced in {M} {Y}, with only two weeks' notice.",
    "Digital rights organisers {REG.in} collected these examples between {Y0} and {Y}.",
    "Our starting point is simple: workers have a right to know which systems shape their work.",
    "Procurement decisions taken years ago still determine which tools {O} use every day.",
    "The pandemic accelerated the spread of {T} in {SEC}, and many of the changes stayed.",
    "Behind the promise of efficiency, {O} in {CITY} describe a different reality.",
    "Unions are rarely asked what they think of {T}, yet their members live with the results.",
    "This case begins with a complaint from {O} about {H}.",
    "In {C}, the government has made {S} a priority of its reform of {SEC}.",
    "Budget cuts in {SEC} were the backdrop when {EMP} turned to {T}.",
    "In {M} {Y}, the union {ACT}.",
    "Workers in {W} had long warned about {H}.",
};
constexpr std::string_view kEnFinding[] = {
    "Workers reported {H} within months of the new system going live.",
    "In {N} of the workplaces we visited, nobody could say who had written the rules behind {T}.",
    "A survey of {NN} {O} found that {P}% had never been told what data was collected about them.",
    "{P}% of respondents said their workload had grown since the arrival of {T}.",
    "The employer claimed savings, but the figures left out the cost of {H}.",
    "Stewards noticed that complaints about {H} rose sharply after {Y0}.",
    "The supplier refused to share the documentation, citing trade secrets.",
    "Data from {T} ended up being used for purposes nobody had agreed to.",
    "Service users in {CITY} also felt the change: longer waits and less human contact.",
    "Women, who make up most of the workforce in {SEC}, were hit hardest by {H}.",
    "Older colleagues were given no training and felt pushed towards early retirement.",
    "When the system made mistakes, front-line staff had to explain them to the public.",
    "The data protection authority of {C} later confirmed that the processing lacked a legal basis.",
    "Management dashboards ranked teams against each other, which undermined cooperation.",
    "Night-shift workers were the first to notice {H}.",
    "The contract with the vendor ran for {N2} years and contained no clause on worker consultation.",
    "Nobody had carried out an impact assessment before the launch.",
    "The union's own mapping found {N} different digital systems in use, most of them unknown to staff representatives.",
    "Sick-leave records were being combined with performance data without consent.",
    "Interviews with {O} pointed to {H} and {H2} as the main concerns.",
    "In {CITY}, a pilot of {T} was quietly extended to the whole service.",
    "The promised efficiency gains were used to justify a {P}% cut in staffing.",
    "Workers who questioned the system's output were told to trust the data.",
    "An internal audit found error rates of {P}% in decisions made with {T}.",
    "Much of the system ran on servers abroad, beyond the reach of national law.",
    "Training consisted of a single video, available in one language only.",
    "Several colleagues said they felt watched even during breaks.",
    "Comparable cases in {C2} show the same pattern.",
    "Where unions had negotiated in advance, problems were spotted and corrected faster.",
    "The most serious complaints concerned {H}.",
    "Staff turnover in the units using {T} rose by {P}% in two years.",
    "Members told us they would accept new tools if they had a real say in how they are configured.",
    "The regulator issued guidance in {Y}, but enforcement remained weak.",
    "In {M} {Y}, the union obtained the first copy of the system's risk assessment.",
    "Local managers often knew as little about {T} as the workers did.",
    "The figures hide large differences between {CITY} and {CITY2}.",
    "Records showed that the system flagged part-time workers {N2} times more often than others.",
    "The use of {T} spread from {SEC} to {SEC2} without any new consultation.",
    "Union representatives were not allowed to see the criteria used to score workers.",
    "Outsourced staff, who had no union representation, carried the greatest risk.",
    "Colleagues in {SEC2} described {H2} in almost the same words.",
    "A freedom of information request revealed that the vendor had been paid {N} times the original estimate.",
    "Staff in {W} were the first to feel the effects of {T}.",
    "In {W} in {CITY}, the new system arrived without any warning.",
    "The pilot started in {N2} {W} before being extended to {SEC2}.",
    "Conditions in {W} varied widely between the capital and rural districts.",
    "Vacancies were left unfilled on the assumption that software would absorb the work.",
    "Maintenance of the system was subcontracted to a firm based in {C2}.",
    "Supervisors received weekly league tables, but workers never saw their own scores.",
    "The software vendor changed the scoring rules twice without telling anyone.",
    "Error messages appeared only in a foreign language, so staff had to guess.",
    "Grievances about {H} took months to be heard.",
    "In response, the union {ACT}.",
    "When talks stalled, the union {ACT}.",
    "The contract went to {V}, a company with no experience of public services.",
    "The supplier, {V}, would not say where the data was stored.",
    "Staff only learned the name of the supplier, {V}, from a press article.",
};
constexpr std::string_view kEnLead[] = {
    "Based on this experience, the union put forward the following demands:",
    "Negotiators in {C} drew up a list of priorities:",
    "A model agreement on {S} should cover at least:",
    "Stewards can start by asking for:",
    "The joint committee agreed on these points:",
    "What we are asking {EMP} for:",
    "The final agreement, signed in {Y}, includes:",
    "Members voted for a platform built around:",
    "Before any new system is introduced, unions should secure:",
};
constexpr std::string_view kEnBullet[] = {
    "{D}",
    "{D}",
    "{D}, written into the agreement",
    "{D}, reviewed every year",
    "{D} for all staff, including agency workers",
    "{D}, in {SEC} and in {SEC2}",
    "{D}, with the union involved from the start",
    "{D} before the end of {Y}",
    "{D}, in every language used at work",
};
constexpr std::string_view kEnClosing[] = {
    "The lesson for {AUD} is clear: bargain early, before the contract is signed.",
    "Unions in other regions can adapt this approach to their own legal framework.",
    "The next step is to share these results with unions in {C2} facing similar systems.",
    "Digital rights organisers {REG.in} can help with training and model clauses.",
    "Further material on {S2} is available in the library.",
    "Feedback from readers will shape the next edition of this {TYPE}.",
    "Joint governance of algorithms is not a technical question; it is a question of power at work.",
    "The union will report back on progress at {EV}.",
    "Contact your regional coordinator to join the next training cycle.",
    "Sharing both good and bad practice helps other unions avoid duplicated work.",
    "Coalitions with user groups and researchers made the campaign stronger.",
    "What happened in {CITY} can happen anywhere; what the union did there can be repeated too.",
    "Until the agreement is fully applied, stewards should record every incident involving {T}.",
    "A checklist and a model letter to management come with this {TYPE}.",
    "Translations into other languages are welcome; please tell the regional coordinator.",
    "Readers are free to copy and adapt this material for union education.",
    "The figures quoted here come from the union's own records and may differ from official statistics.",
    "An update will follow once the joint committee has met again.",
    "Questions for discussion: who owns the data, who can see it, and who decides when it is deleted?",
};
constexpr std::string_view kEnHeadContext[] = {"Context", "Background", "What happened", "The situation in {CITY}",
                                               "Why it matters"};
constexpr std::string_view kEnHeadFindings[] = {"What we found", "Findings", "Evidence from the workplace", "What workers said",
                                                "Key facts"};
constexpr std::string_view kEnHeadDemands[] = {"What to negotiate", "Demands", "Bargaining points", "What unions can do",
                                               "Next steps for {AUD}"};
constexpr std::string_view kEnTranscript[] = {
    "Welcome everyone, and thank you for joining this session on {S}.",
    "Let's start with a quick round: which digital tools do you use at work?",
    "In my workplace we have {T}, and nobody ever asked us about it.",
    "The biggest problem for us is {H}.",
    "When we asked management for the documentation, they said it belonged to the supplier.",
    "So the question is: what can we put on the bargaining table?",
    "We managed to get {D} into our last agreement.",
    "I work in {SEC} in {CITY}, and the same thing is happening there.",
    "Can you say more about how the joint committee works in practice?",
    "We meet every {N2} weeks, and the employer has to bring the figures.",
    "Let's take ten minutes in small groups to map the systems in your workplace.",
    "Remember, you can use this recording to train your colleagues.",
    "One thing that helped us was working with a user association.",
    "Our members were worried about {H2}, so we started there.",
    "The law in {C} gives us some rights, but we have to use them.",
    "Okay, let's come back together and share what you found.",
    "I think the key is to get in before the system is bought, not after.",
    "We have about {N2} minutes left, so let's look at the model clause.",
    "In our union we now have {N} stewards trained on data rights.",
    "Thank you all; the slides and the recording will be in the library.",
};
constexpr std::string_view kEnSpeakers[] = {"Facilitator", "Participant", "Steward", "Organiser", "Negotiator", "Trainer"};

// French ---------------------------------------------------------------------------------------------------
constexpr std::string_view kFrTitle[] = {
    "{S.bare} : guide à l'usage {AUD.de}",
    "{S.bare} dans le secteur {SEC.de} : ce que {O} doivent savoir",
    "Négocier {S} : l'expérience {C.de}",
    "Qui contrôle les données ? {S.bare} {C.in}",
    "{H.bare} : comment y répondre",
    "Une réponse syndicale {T.a} dans le secteur {SEC.de}",
    "{S.bare} et {SEC.bare} : le point de vue {C.de}",
    "Comprendre {S} : notions de base pour {AUD}",
    "{T.bare} : ce que disent les faits sur {H}",
    "{S.bare} en pratique : le cas {EMP.de}",
    "Droits numériques au travail {C.in} : {S}",
    "Les coûts cachés {T.de}",
    "Rapport {Y} : {S} et {O}",
    "Avant de signer : {T} et le droit {C.in}",
    "Cartographier {T} dans le secteur {SEC.de} {REG.in}",
    "{ORG.bare} : notre position sur {S}",
    "L'humain d'abord : {S} dans le secteur {SEC.de}",
    "Dix questions à poser sur {T}",
    "Liste de contrôle : introduire {T} sans nuire au personnel",
    "{S.bare}, {Y} : enquête auprès {O.de} {CITY.de}",
    "De la plainte à la clause : {H} dans le secteur {SEC.de}",
    "Services publics, données publiques : {S} {CITY.in}",
};
constexpr std::string_view kFrTitleSlides[] = {
    "Diaporama : {S} pour {AUD}",
    "Support d'atelier – {S.bare} ({CITY}, {Y})",
    "Présentation : {T} dans le secteur {SEC.de}",
    "Diapositives de formation : {H} et réponses syndicales",
    "Support de séance : {S.bare} et {S2}",
};
constexpr std::string_view kFrTitleRecording[] = {
    "Enregistrement : {EV.bare} sur {S}",
    "Webinaire enregistré – {S.bare} {REG.in}",
    "Podcast : {O} parlent {T.de}",
    "Audio : {ORG.bare} sur {S}",
    "Séance {N2} : {S}",
    "À écouter : {S.bare} et {SEC.bare} {C.in}",
};
constexpr std::string_view kFrTitleLaw[] = {
    "{LAW.bare} : ce que cela change pour {O}",  "Note d'analyse : {LAW} et {S}",
    "Lire {LAW} : {T} dans le secteur {SEC.de}", "Commentaire {LAW.de} ({C.bare}, {Y})",
    "{S.bare} et {LAW} : une lecture syndicale",
};
constexpr std::string_view kFrTitleAgreement[] = {
    "Accord sur {S} entre {ORG} et {EMP}",
    "Accord collectif : {T} dans le secteur {SEC.de} ({CITY}, {Y})",
    "Accord-cadre sur {S} – {EMP.bare}",
    "Protocole sur {S} signé {CITY.in}",
    "Clauses types sur {S} pour le secteur {SEC.de}",
};
constexpr std::string_view kFrSummary[] = {
    "Comment {O} {CITY.de} ont obtenu {D} après l'arrivée {T.de}.",
    "Un guide court pour {AUD} sur {S}, avec des questions à poser à la direction et des exemples venus {C.de}.",
    "Ce document analyse {S} dans le secteur {SEC.de} et présente ce que les syndicats peuvent négocier.",
    "Des données issues de {N} lieux de travail {C.in} sur {H}, et les revendications qui ont suivi.",
    "Étapes pratiques pour {AUD} : recenser {T}, évaluer les risques et négocier sur {S}.",
    "{ORG} explique comment {EMP} a introduit {T} et ce que le syndicat a fait.",
    "Une présentation {LAW.de} et de ce que cela change pour le personnel du secteur {SEC.de}.",
    "Notes prises lors {EV.de} {CITY.in}, en {Y}, sur {S}.",
    "Pourquoi la question {S.de} concerne le secteur {SEC.de}, et comment les syndicats réagissent {REG.in}.",
    "Une comparaison de {N2} accords sur {S} conclus {C.in} et {C2.in}.",
    "Clause type et commentaire : {D}.",
    "Ce que {O} nous ont dit {T.de} : résultats d'une enquête menée en {M} {Y}.",
    "Leçons essentielles sur {S} pour {AUD}, tirées de cas observés {C.in} et {C2.in}.",
    "Le récit, étape par étape, de la négociation menée {CITY.in} sur {S}.",
    "Questions, réponses et exemples de rédaction sur {S} pour le secteur {SEC.de}.",
    "Les leçons d'une année de gouvernance conjointe {T.de} au sein {EMP.de}.",
    "Une note pour {AUD} avant les négociations sur {S}, avec un glossaire des termes techniques.",
    "Comment les syndicats {C.de} et {C2.de} ont comparé leurs expériences face {T.a} sans refaire le même travail.",
    "Étude de cas {CITY.de} : {H}, la réponse du syndicat et le résultat.",
};
constexpr std::string_view kFrIntro[] = {
    "En {Y}, {EMP} a commencé à déployer {T} dans ses services.",
    "Dans le secteur {SEC.de}, les employeurs introduisent {T} plus vite que le personnel ne peut suivre.",
    "Pour {O}, l'arrivée {T.de} a changé le rythme quotidien du travail.",
    "Les services publics {C.de} sont poussés à se numériser, souvent sans que celles et ceux qui les font vivre aient leur mot "
    "à dire.",
    "{ORG} ({ORG.acr}) suit le débat sur {S} depuis {Y0}.",
    "Tout est parti d'une question posée par {O} {CITY.de} : qui décide de l'usage des données produites par {T} ?",
    "Les employeurs présentent souvent {T} comme une simple mise à niveau technique.",
    "Quand la direction a annoncé {T}, le syndicat a d'abord demandé des informations.",
    "Peu de salariés du secteur {SEC.de} ont été consultés avant la signature du contrat par {EMP}.",
    "Pour {O}, la question {S.de} n'est plus lointaine.",
    "Depuis {N2} ans, les syndicats {C.de} accumulent de l'expérience sur {S}.",
    "Les éléments ci-dessous ont été réunis lors {EV.de}, à l'initiative {ORG.de}.",
    "Une grande partie du débat public sur {S} oublie celles et ceux qui assurent les services publics.",
    "L'introduction {T.de} a été annoncée en {M} {Y}, avec deux semaines de préavis seulement.",
    "Les organisateurs des droits numériques {REG.in} ont recueilli ces exemples entre {Y0} et {Y}.",
    "Notre point de départ est simple : le personnel a le droit de savoir quels systèmes orientent son travail.",
    "Des marchés publics passés il y a des années déterminent encore les outils que {O} utilisent chaque jour.",
    "La pandémie a accéléré la diffusion {T.de} dans le secteur {SEC.de}, et beaucoup de changements sont restés.",
    "Derrière la promesse d'efficacité, {O} {CITY.de} décrivent une autre réalité.",
    "On demande rarement aux syndicats ce qu'ils pensent {T.de}, alors que leurs membres en subissent les effets.",
    "Ce cas commence par une plainte {O.de} au sujet {H.de}.",
    "{C.in}, le gouvernement a fait {S.de} une priorité de sa réforme du secteur {SEC.de}.",
    "Les coupes budgétaires dans le secteur {SEC.de} formaient le décor quand {EMP} a misé sur {T}.",
    "En {M} {Y}, le syndicat {ACT}.",
    "Le personnel {W.de} alertait depuis longtemps sur {H}.",
};
constexpr std::string_view kFrFinding[] = {
    "Les agents ont signalé {H} dans les mois qui ont suivi la mise en service.",
    "Dans {N} des lieux de travail visités, personne ne savait qui avait écrit les règles {T.de}.",
    "Une enquête auprès de {NN} {O.bare} montre que {P} % n'avaient jamais été informés des données collectées à leur sujet.",
    "{P} % des répondants estiment que leur charge de travail a augmenté depuis l'arrivée {T.de}.",
    "L'employeur annonçait des économies, mais les chiffres ignoraient le coût {H.de}.",
    "Les délégués ont constaté que les plaintes liées {H.a} avaient fortement augmenté après {Y0}.",
    "Le fournisseur a refusé de communiquer la documentation, au nom du secret des affaires.",
    "Les données issues {T.de} ont servi à des fins que personne n'avait acceptées.",
    "Les usagers {CITY.de} ont aussi senti la différence : plus d'attente, moins de contact humain.",
    "Les femmes, majoritaires dans le secteur {SEC.de}, ont été les plus touchées par {H}.",
    "Les collègues plus âgés n'ont reçu aucune formation et se sont sentis poussés vers la retraite anticipée.",
    "Quand le système se trompait, c'était au personnel d'accueil de l'expliquer au public.",
    "L'autorité de protection des données {C.de} a ensuite confirmé que le traitement n'avait pas de base légale.",
    "Les tableaux de bord de la direction classaient les équipes les unes contre les autres, au détriment de la coopération.",
    "Les équipes de nuit ont été les premières à remarquer {H}.",
    "Le contrat avec le fournisseur courait sur {N2} ans et ne prévoyait aucune consultation du personnel.",
    "Aucune étude d'impact n'avait été menée avant le lancement.",
    "L'inventaire réalisé par le syndicat a recensé {N} systèmes numériques différents, la plupart inconnus des représentants du "
    "personnel.",
    "Les données d'absence étaient croisées avec des données de performance sans consentement.",
    "Les entretiens avec {O} font ressortir {H} et {H2} comme principales préoccupations.",
    "{CITY.in}, une expérimentation {T.de} a été discrètement étendue à tout le service.",
    "Les gains d'efficacité promis ont servi à justifier une baisse de {P} % des effectifs.",
    "Les agents qui mettaient en doute les résultats du système s'entendaient répondre de faire confiance aux données.",
    "Un audit interne a relevé {P} % d'erreurs dans les décisions prises avec {T}.",
    "Une grande partie du système tournait sur des serveurs à l'étranger, hors de portée du droit national.",
    "La formation se limitait à une seule vidéo, disponible dans une seule langue.",
    "Plusieurs collègues ont dit se sentir observés même pendant les pauses.",
    "Des cas comparables {C2.in} montrent la même tendance.",
    "Là où les syndicats avaient négocié en amont, les problèmes ont été repérés et corrigés plus vite.",
    "Les plaintes les plus graves portaient sur {H}.",
    "La rotation du personnel dans les unités équipées {T.de} a augmenté de {P} % en deux ans.",
    "Les adhérents accepteraient de nouveaux outils s'ils avaient vraiment leur mot à dire sur leur paramétrage.",
    "Le régulateur a publié des lignes directrices en {Y}, mais les contrôles sont restés faibles.",
    "En {M} {Y}, le syndicat a obtenu la première copie de l'analyse de risques du système.",
    "Les cadres de proximité en savaient souvent aussi peu que les agents sur {T}.",
    "Les chiffres masquent de grandes différences entre {CITY} et {CITY2}.",
    "Les relevés montraient que le système signalait les agents à temps partiel {N2} fois plus souvent que les autres.",
    "L'usage {T.de} s'est étendu du secteur {SEC.de} au secteur {SEC2.de} sans nouvelle consultation.",
    "Les représentants syndicaux n'ont pas pu voir les critères utilisés pour noter le personnel.",
    "Le personnel sous-traité, sans représentation syndicale, a couru les plus grands risques.",
    "Dans le secteur {SEC2.de}, des collègues décrivent {H2} presque dans les mêmes termes.",
    "Une demande d'accès aux documents administratifs a révélé que le fournisseur avait touché {N} fois l'estimation initiale.",
    "Le personnel {W.de} a été le premier à ressentir les effets {T.de}.",
    "Dans {W} {CITY.de}, le nouveau système est arrivé sans le moindre avertissement.",
    "L'expérimentation a commencé dans {N2} {W.bare} avant d'être étendue au secteur {SEC2.de}.",
    "Les conditions {W.de} variaient fortement entre la capitale et les zones rurales.",
    "Des postes vacants n'ont pas été pourvus, au motif que le logiciel absorberait le travail.",
    "La maintenance du système avait été confiée à une entreprise établie {C2.in}.",
    "Les encadrants recevaient chaque semaine des classements, mais les agents ne voyaient jamais leurs propres scores.",
    "L'éditeur du logiciel a modifié deux fois les règles de notation sans prévenir personne.",
    "Les messages d'erreur n'apparaissaient que dans une langue étrangère : il fallait deviner.",
    "Les réclamations liées {H.a} mettaient des mois à être examinées.",
    "En réponse, le syndicat {ACT}.",
    "Face au blocage des discussions, le syndicat {ACT}.",
    "Le marché a été attribué à {V}, une entreprise sans expérience des services publics.",
    "Le fournisseur, {V}, refusait de dire où les données étaient stockées.",
    "Le personnel n'a appris le nom du fournisseur, {V}, que par un article de presse.",
};
constexpr std::string_view kFrLead[] = {
    "Sur la base de cette expérience, le syndicat a formulé les revendications suivantes :",
    "Les négociateurs {C.de} ont établi une liste de priorités :",
    "Un accord type sur {S} devrait couvrir au minimum :",
    "Les délégués peuvent commencer par demander :",
    "Le comité paritaire s'est accordé sur ces points :",
    "Ce que nous demandons {EMP.a} :",
    "L'accord final, signé en {Y}, prévoit :",
    "Les adhérents ont adopté une plateforme qui comprend :",
    "Avant l'introduction de tout nouveau système, les syndicats devraient obtenir :",
};
constexpr std::string_view kFrBullet[] = {
    "{D}",
    "{D}",
    "{D}, par écrit dans l'accord",
    "{D}, avec un réexamen chaque année",
    "{D} pour tout le personnel, intérimaires compris",
    "{D}, dans le secteur {SEC.de} comme dans le secteur {SEC2.de}",
    "{D}, avec le syndicat associé dès le départ",
    "{D} avant la fin de {Y}",
    "{D}, dans toutes les langues parlées au travail",
};
constexpr std::string_view kFrClosing[] = {
    "La leçon pour {AUD} est claire : négocier tôt, avant la signature du contrat.",
    "Les syndicats d'autres régions peuvent adapter cette démarche à leur propre cadre juridique.",
    "Prochaine étape : partager ces résultats avec les syndicats {C2.de} confrontés à des systèmes semblables.",
    "Les organisateurs des droits numériques {REG.in} peuvent aider avec des formations et des clauses types.",
    "D'autres ressources sur {S2} sont disponibles dans la bibliothèque.",
    "Vos retours nourriront la prochaine édition de ce document.",
    "La gouvernance conjointe des algorithmes n'est pas une question technique : c'est une question de pouvoir au travail.",
    "Le syndicat rendra compte des avancées lors {EV.de}.",
    "Contactez votre coordination régionale pour rejoindre le prochain cycle de formation.",
    "Partager les bonnes comme les mauvaises pratiques évite aux autres syndicats de refaire le même travail.",
    "Les coalitions avec les associations d'usagers et les chercheurs ont renforcé la campagne.",
    "Ce qui s'est passé {CITY.in} peut arriver partout ; ce que le syndicat y a fait peut aussi se reproduire.",
    "Tant que l'accord n'est pas pleinement appliqué, les délégués devraient consigner chaque incident lié {T.a}.",
    "Une liste de contrôle et un modèle de lettre à la direction accompagnent ce document.",
    "Les traductions dans d'autres langues sont les bienvenues ; merci d'en informer la coordination régionale.",
    "Chacun peut copier et adapter ce matériel pour la formation syndicale.",
    "Les chiffres cités proviennent des relevés du syndicat et peuvent différer des statistiques officielles.",
    "Une mise à jour suivra après la prochaine réunion du comité paritaire.",
    "Questions pour la discussion : à qui appartiennent les données, qui peut les consulter, qui décide de leur effacement ?",
};
constexpr std::string_view kFrHeadContext[] = {"Contexte", "Ce qui s'est passé", "Pourquoi c'est important",
                                               "La situation {CITY.in}", "Point de départ"};
constexpr std::string_view kFrHeadFindings[] = {"Ce que nous avons constaté", "Constats", "Ce que disent les agents", "Les faits",
                                                "Sur le terrain"};
constexpr std::string_view kFrHeadDemands[] = {"Ce qu'il faut négocier", "Revendications", "Points de négociation",
                                               "Ce que les syndicats peuvent faire", "Prochaines étapes"};
constexpr std::string_view kFrTranscript[] = {
    "Bonjour à toutes et à tous, et merci de participer à cette séance sur {S}.",
    "Commençons par un tour de table rapide : quels outils numériques utilisez-vous au travail ?",
    "Chez nous, il y a {T}, et personne ne nous a jamais demandé notre avis.",
    "Le plus gros problème pour nous, c'est {H}.",
    "Quand nous avons demandé la documentation, la direction a répondu qu'elle appartenait au fournisseur.",
    "Donc la question est : qu'est-ce qu'on peut mettre sur la table de négociation ?",
    "Nous avons réussi à obtenir {D} dans notre dernier accord.",
    "Je travaille dans le secteur {SEC.de} {CITY.in}, et c'est la même chose là-bas.",
    "Pouvez-vous nous en dire plus sur le fonctionnement concret du comité paritaire ?",
    "On se réunit toutes les {N2} semaines, et l'employeur doit apporter les chiffres.",
    "Prenons dix minutes en petits groupes pour recenser les systèmes de vos lieux de travail.",
    "N'oubliez pas : vous pouvez former vos collègues avec cet enregistrement.",
    "Ce qui nous a aidés, c'est de travailler avec une association d'usagers.",
    "Nos adhérents s'inquiétaient {H2.de}, alors nous avons commencé par là.",
    "La loi {C.in} nous donne des droits, mais il faut les utiliser.",
    "Bien, on se retrouve tous ensemble et on partage ce que vous avez trouvé.",
    "Pour moi, la clé, c'est d'intervenir avant l'achat du système, pas après.",
    "Il nous reste environ {N2} minutes, regardons la clause type.",
    "Dans notre syndicat, nous avons maintenant {N} délégués formés aux droits sur les données.",
    "Merci à toutes et à tous ; les diapositives et l'enregistrement seront dans la bibliothèque.",
};
constexpr std::string_view kFrSpeakers[] = {"Animatrice", "Participant",  "Participante",
                                            "Déléguée",   "Organisateur", "Négociateur"};

// Spanish --------------------------------------------------------------------------------------------------
constexpr std::string_view kEsTitle[] = {
    "{S.bare}: guía para {AUD}",
    "{S.bare} en el sector {SEC.de}: lo que {O} deben saber",
    "Negociar {S}: la experiencia de {C}",
    "¿Quién controla los datos? {S.bare} en {C}",
    "{H.bare}: cómo responder desde el sindicato",
    "Una respuesta sindical {T.a} en el sector {SEC.de}",
    "{S.bare} y {SEC.bare}: la mirada desde {C}",
    "Entender {S}: nociones básicas para {AUD}",
    "{T.bare}: qué dicen los datos sobre {H}",
    "{S.bare} en la práctica: el caso {EMP.de}",
    "Derechos digitales en el trabajo en {C}: {S}",
    "Los costos ocultos {T.de}",
    "Informe {Y}: {S} y {O}",
    "Antes de firmar: {T} y la ley en {C}",
    "Mapear {T} en el sector {SEC.de} {REG.in}",
    "{ORG.bare}: nuestra posición sobre {S}",
    "Las personas primero: {S} en el sector {SEC.de}",
    "Diez preguntas sobre {T}",
    "Lista de control: introducir {T} sin dañar a la plantilla",
    "{S.bare}, {Y}: encuesta a {O} de {CITY}",
    "De la queja a la cláusula: {H} en el sector {SEC.de}",
    "Servicios públicos, datos públicos: {S} en {CITY}",
};
constexpr std::string_view kEsTitleSlides[] = {
    "Diapositivas: {S} para {AUD}",
    "Material de taller – {S.bare} ({CITY}, {Y})",
    "Presentación: {T} en el sector {SEC.de}",
    "Presentación de formación: {H} y respuestas sindicales",
    "Diapositivas de la sesión: {S.bare} y {S2}",
};
constexpr std::string_view kEsTitleRecording[] = {
    "Grabación: {EV.bare} sobre {S}",
    "Seminario web grabado – {S.bare} {REG.in}",
    "Pódcast: {O} hablan {T.de}",
    "Audio: {ORG.bare} sobre {S}",
    "Sesión {N2}: {S}",
    "Para escuchar: {S.bare} y {SEC.bare} en {C}",
};
constexpr std::string_view kEsTitleLaw[] = {
    "{LAW.bare}: qué cambia para {O}", "Nota de análisis: {LAW} y {S}",          "Leer {LAW}: {T} en el sector {SEC.de}",
    "Comentario {LAW.de} ({C}, {Y})",  "{S.bare} y {LAW}: una lectura sindical",
};
constexpr std::string_view kEsTitleAgreement[] = {
    "Convenio sobre {S} entre {ORG} y {EMP}",
    "Convenio colectivo: {T} en el sector {SEC.de} ({CITY}, {Y})",
    "Acuerdo marco sobre {S} – {EMP.bare}",
    "Protocolo sobre {S} firmado en {CITY}",
    "Cláusulas modelo sobre {S} para el sector {SEC.de}",
};
constexpr std::string_view kEsSummary[] = {
    "Cómo {O} de {CITY} consiguieron {D} tras la llegada {T.de}.",
    "Una guía breve para {AUD} sobre {S}, con preguntas para la dirección y ejemplos de {C}.",
    "Este documento analiza {S} en el sector {SEC.de} y expone lo que los sindicatos pueden negociar.",
    "Datos de {N} centros de trabajo de {C} sobre {H}, y las reivindicaciones que siguieron.",
    "Pasos prácticos para {AUD}: mapear {T}, evaluar los riesgos y negociar sobre {S}.",
    "{ORG} explica cómo {EMP} introdujo {T} y qué hizo el sindicato.",
    "Una presentación {LAW.de} y de lo que cambia para el personal del sector {SEC.de}.",
    "Notas de {EV} en {CITY}, en {Y}, sobre {S}.",
    "Por qué el tema {S.de} importa para el sector {SEC.de}, y cómo responden los sindicatos {REG.in}.",
    "Una comparación de {N2} convenios sobre {S} firmados en {C} y {C2}.",
    "Cláusula modelo y comentario: {D}.",
    "Lo que {O} nos contaron sobre {T}: resultados de una encuesta realizada en {M} de {Y}.",
    "Lecciones clave sobre {S} para {AUD}, a partir de casos de {C} y {C2}.",
    "El relato, paso a paso, de la negociación sobre {S} en {CITY}.",
    "Preguntas, respuestas y ejemplos de redacción sobre {S} para el sector {SEC.de}.",
    "Lecciones de un año de gobernanza conjunta {T.de} en {EMP}.",
    "Una nota para {AUD} antes de negociar sobre {S}, con un glosario de términos técnicos.",
    "Cómo los sindicatos de {C} y {C2} compararon sus experiencias con {T} y evitaron duplicar el trabajo.",
    "Estudio de caso de {CITY}: {H}, la respuesta del sindicato y el resultado.",
};
constexpr std::string_view kEsIntro[] = {
    "En {Y}, {EMP} empezó a implantar {T} en sus servicios.",
    "En el sector {SEC.de}, los empleadores introducen {T} más rápido de lo que la plantilla puede seguir.",
    "Para {O}, la llegada {T.de} cambió el ritmo diario del trabajo.",
    "Los servicios públicos de {C} están bajo presión para digitalizarse, a menudo sin que quienes los prestan tengan voz.",
    "{ORG} ({ORG.acr}) sigue el debate sobre {S} desde {Y0}.",
    "Todo empezó con una pregunta de {O} de {CITY}: ¿quién decide qué se hace con los datos {T.de}?",
    "Los empleadores suelen presentar {T} como una simple mejora técnica.",
    "Cuando la dirección anunció {T}, el sindicato pidió primero información.",
    "Muy pocas personas del sector {SEC.de} fueron consultadas antes de la firma del contrato por {EMP}.",
    "Para {O}, el tema {S.de} ya no es una cuestión lejana.",
    "Desde hace {N2} años, los sindicatos de {C} acumulan experiencia en {S}.",
    "El material que sigue se reunió durante {EV}, a iniciativa {ORG.de}.",
    "Buena parte del debate público sobre {S} deja de lado a quienes prestan los servicios públicos.",
    "La introducción {T.de} se anunció en {M} de {Y}, con solo dos semanas de antelación.",
    "Las personas organizadoras de derechos digitales {REG.in} reunieron estos ejemplos entre {Y0} y {Y}.",
    "Nuestro punto de partida es sencillo: la plantilla tiene derecho a saber qué sistemas orientan su trabajo.",
    "Contratos públicos firmados hace años todavía determinan las herramientas que {O} usan cada día.",
    "La pandemia aceleró la difusión {T.de} en el sector {SEC.de}, y muchos cambios se quedaron.",
    "Detrás de la promesa de eficiencia, {O} de {CITY} describen otra realidad.",
    "Rara vez se pregunta a los sindicatos qué piensan {T.de}, aunque sus afiliados viven sus efectos.",
    "Este caso empieza con una queja {O.de} sobre {H}.",
    "En {C}, el gobierno ha hecho {S.de} una prioridad de su reforma del sector {SEC.de}.",
    "Los recortes presupuestarios en el sector {SEC.de} eran el telón de fondo cuando {EMP} apostó por {T}.",
    "En {M} de {Y}, el sindicato {ACT}.",
    "El personal {W.de} llevaba tiempo alertando sobre {H}.",
};
constexpr std::string_view kEsFinding[] = {
    "La plantilla denunció {H} pocos meses después de la puesta en marcha.",
    "En {N} de los centros visitados, nadie sabía quién había escrito las reglas {T.de}.",
    "Una encuesta a {NN} {O.bare} muestra que el {P} % nunca había recibido información sobre los datos recogidos.",
    "El {P} % de las personas encuestadas afirma que su carga de trabajo aumentó desde la llegada {T.de}.",
    "El empleador anunciaba ahorros, pero las cifras no incluían el costo {H.de}.",
    "Los delegados observaron que las quejas por {H} crecieron mucho después de {Y0}.",
    "El proveedor se negó a compartir la documentación alegando secreto comercial.",
    "Los datos {T.de} acabaron usándose para fines que nadie había aceptado.",
    "Las personas usuarias de {CITY} también notaron el cambio: más espera y menos contacto humano.",
    "Las mujeres, mayoría en el sector {SEC.de}, fueron las más afectadas por {H}.",
    "A las compañeras y compañeros de más edad no se les dio formación y se sintieron empujados a la jubilación anticipada.",
    "Cuando el sistema se equivocaba, era el personal de atención quien tenía que explicarlo al público.",
    "La autoridad de protección de datos de {C} confirmó después que el tratamiento carecía de base legal.",
    "Los paneles de la dirección comparaban a los equipos entre sí, lo que debilitó la cooperación.",
    "El turno de noche fue el primero en notar {H}.",
    "El contrato con el proveedor duraba {N2} años y no preveía ninguna consulta a la plantilla.",
    "No se había hecho ninguna evaluación de impacto antes del lanzamiento.",
    "El inventario del sindicato encontró {N} sistemas digitales distintos, la mayoría desconocidos para la representación del "
    "personal.",
    "Los registros de bajas médicas se cruzaban con datos de rendimiento sin consentimiento.",
    "Las entrevistas con {O} señalan {H} y {H2} como las principales preocupaciones.",
    "En {CITY}, un piloto {T.de} se extendió en silencio a todo el servicio.",
    "Las ganancias de eficiencia prometidas sirvieron para justificar un recorte del {P} % de la plantilla.",
    "A quienes cuestionaban los resultados del sistema se les decía que confiaran en los datos.",
    "Una auditoría interna halló un {P} % de errores en las decisiones tomadas con {T}.",
    "Buena parte del sistema funcionaba en servidores en el extranjero, fuera del alcance de la ley nacional.",
    "La formación consistió en un solo vídeo, disponible en un único idioma.",
    "Varias compañeras dijeron sentirse observadas incluso durante las pausas.",
    "Casos parecidos en {C2} muestran la misma tendencia.",
    "Donde los sindicatos habían negociado de antemano, los problemas se detectaron y corrigieron antes.",
    "Las quejas más graves tenían que ver con {H}.",
    "La rotación de personal en las unidades que usan {T} subió un {P} % en dos años.",
    "La afiliación aceptaría nuevas herramientas si tuviera voz real en su configuración.",
    "El regulador publicó orientaciones en {Y}, pero la fiscalización siguió siendo débil.",
    "En {M} de {Y}, el sindicato obtuvo la primera copia de la evaluación de riesgos del sistema.",
    "Los mandos intermedios sabían a menudo tan poco sobre {T} como la plantilla.",
    "Las cifras ocultan grandes diferencias entre {CITY} y {CITY2}.",
    "Los registros mostraban que el sistema marcaba a quienes trabajaban a tiempo parcial {N2} veces más que al resto.",
    "El uso {T.de} pasó del sector {SEC.de} al sector {SEC2.de} sin nueva consulta.",
    "A la representación sindical no se le permitió ver los criterios usados para puntuar al personal.",
    "El personal subcontratado, sin representación sindical, fue el que corrió más riesgos.",
    "En el sector {SEC2.de}, otras compañeras describen {H2} casi con las mismas palabras.",
    "Una solicitud de acceso a la información reveló que el proveedor había cobrado {N} veces lo presupuestado.",
    "El personal {W.de} fue el primero en sentir los efectos {T.de}.",
    "En {W} de {CITY}, el nuevo sistema llegó sin ningún aviso.",
    "El piloto empezó en {N2} {W.bare} antes de extenderse al sector {SEC2.de}.",
    "Las condiciones {W.de} variaban mucho entre la capital y las zonas rurales.",
    "Se dejaron vacantes sin cubrir con el argumento de que el software absorbería el trabajo.",
    "El mantenimiento del sistema se subcontrató a una empresa con sede en {C2}.",
    "Los mandos recibían cada semana clasificaciones, pero la plantilla nunca veía sus propias puntuaciones.",
    "El proveedor del software cambió dos veces las reglas de puntuación sin avisar a nadie.",
    "Los mensajes de error solo aparecían en un idioma extranjero, así que había que adivinar.",
    "Las reclamaciones por {H} tardaban meses en atenderse.",
    "En respuesta, el sindicato {ACT}.",
    "Ante el bloqueo de las conversaciones, el sindicato {ACT}.",
    "El contrato fue para {V}, una empresa sin experiencia en servicios públicos.",
    "El proveedor, {V}, no quiso decir dónde se guardaban los datos.",
    "La plantilla conoció el nombre del proveedor, {V}, por un artículo de prensa.",
};
constexpr std::string_view kEsLead[] = {
    "A partir de esta experiencia, el sindicato planteó las siguientes reivindicaciones:",
    "Los equipos negociadores de {C} elaboraron una lista de prioridades:",
    "Un convenio modelo sobre {S} debería incluir al menos:",
    "Las delegadas y los delegados pueden empezar pidiendo:",
    "La comisión paritaria acordó estos puntos:",
    "Lo que pedimos {EMP.a}:",
    "El acuerdo final, firmado en {Y}, incluye:",
    "La afiliación votó una plataforma centrada en:",
    "Antes de introducir cualquier sistema nuevo, los sindicatos deberían conseguir:",
};
constexpr std::string_view kEsBullet[] = {
    "{D}",
    "{D}",
    "{D}, por escrito en el convenio",
    "{D}, con revisión cada año",
    "{D} para toda la plantilla, incluido el personal temporal",
    "{D}, tanto en el sector {SEC.de} como en el sector {SEC2.de}",
    "{D}, con participación sindical desde el inicio",
    "{D} antes de que termine {Y}",
    "{D}, en todas las lenguas que se hablan en el trabajo",
};
constexpr std::string_view kEsClosing[] = {
    "La lección para {AUD} es clara: negociar pronto, antes de que se firme el contrato.",
    "Los sindicatos de otras regiones pueden adaptar este enfoque a su propio marco legal.",
    "El siguiente paso es compartir estos resultados con los sindicatos de {C2} que enfrentan sistemas similares.",
    "Las personas organizadoras de derechos digitales {REG.in} pueden apoyar con formación y cláusulas modelo.",
    "En la biblioteca hay más material sobre {S2}.",
    "Sus comentarios darán forma a la próxima edición de este material.",
    "La gobernanza conjunta de los algoritmos no es una cuestión técnica: es una cuestión de poder en el trabajo.",
    "El sindicato informará de los avances durante {EV}.",
    "Contacte con su coordinación regional para sumarse al próximo ciclo de formación.",
    "Compartir tanto las buenas como las malas prácticas evita que otros sindicatos dupliquen el trabajo.",
    "Las coaliciones con asociaciones de usuarios e investigadores fortalecieron la campaña.",
    "Lo que pasó en {CITY} puede pasar en cualquier lugar; lo que hizo allí el sindicato también puede repetirse.",
    "Mientras el convenio no se aplique plenamente, la delegación sindical debería registrar cada incidente relacionado con {T}.",
    "Este material incluye una lista de control y un modelo de carta a la dirección.",
    "Las traducciones a otros idiomas son bienvenidas; avise a la coordinación regional.",
    "Se puede copiar y adaptar este material para la formación sindical.",
    "Las cifras citadas proceden de los registros del sindicato y pueden diferir de las estadísticas oficiales.",
    "Habrá una actualización cuando la comisión paritaria vuelva a reunirse.",
    "Preguntas para el debate: ¿de quién son los datos, quién puede verlos y quién decide cuándo se borran?",
};
constexpr std::string_view kEsHeadContext[] = {"Contexto", "Qué pasó", "Por qué importa", "La situación en {CITY}",
                                               "Punto de partida"};
constexpr std::string_view kEsHeadFindings[] = {"Lo que encontramos", "Hallazgos", "Lo que dice la plantilla", "Los hechos",
                                                "Desde el terreno"};
constexpr std::string_view kEsHeadDemands[] = {"Qué negociar", "Reivindicaciones", "Puntos de negociación",
                                               "Qué pueden hacer los sindicatos", "Próximos pasos"};
constexpr std::string_view kEsTranscript[] = {
    "Bienvenidas y bienvenidos, y gracias por participar en esta sesión sobre {S}.",
    "Empecemos con una ronda rápida: ¿qué herramientas digitales usan en su trabajo?",
    "En mi centro tenemos {T}, y nunca nadie nos preguntó nada.",
    "El mayor problema para nosotras es {H}.",
    "Cuando pedimos la documentación, la dirección dijo que pertenecía al proveedor.",
    "Entonces la pregunta es: ¿qué podemos poner sobre la mesa de negociación?",
    "Conseguimos incluir {D} en nuestro último convenio.",
    "Trabajo en el sector {SEC.de} en {CITY}, y allí está pasando lo mismo.",
    "¿Puedes contarnos más sobre cómo funciona en la práctica la comisión paritaria?",
    "Nos reunimos cada {N2} semanas y el empleador tiene que traer las cifras.",
    "Tomemos diez minutos en grupos pequeños para mapear los sistemas de sus lugares de trabajo.",
    "Recuerden que pueden formar a sus compañeros con esta grabación.",
    "Lo que nos ayudó fue trabajar con una asociación de usuarios.",
    "A nuestra afiliación le preocupaba {H2}, así que empezamos por ahí.",
    "La ley en {C} nos da algunos derechos, pero tenemos que usarlos.",
    "Bueno, volvamos al plenario y compartamos lo que encontraron.",
    "Para mí la clave es intervenir antes de que se compre el sistema, no después.",
    "Nos quedan unos {N2} minutos, así que veamos la cláusula modelo.",
    "En nuestro sindicato ya tenemos {N} delegados formados en derechos sobre los datos.",
    "Gracias a todas y todos; las diapositivas y la grabación estarán en la biblioteca.",
};
constexpr std::string_view kEsSpeakers[] = {"Facilitadora", "Participante", "Delegado", "Delegada", "Organizadora", "Negociador"};

// Arabic ---------------------------------------------------------------------------------------------------
// Slots follow prepositions or end a construct (idafa), so nouns keep one written form; verbs whose subject
// is a slot are avoided, or put before it in the singular.
constexpr std::string_view kArTitle[] = {
    "{S}: دليل موجّه إلى {AUD}",
    "{S} في قطاع {SEC}: ما ينبغي معرفته",
    "التفاوض بشأن {S}: تجربة من {C}",
    "من يتحكم في البيانات؟ {S} في {C}",
    "{H}: سبل المواجهة النقابية",
    "ردّ نقابي على {T} في قطاع {SEC}",
    "{S} وقطاع {SEC}: نظرة من {C}",
    "فهم {S}: مدخل إلى الأساسيات من أجل {AUD}",
    "{T}: ما تقوله الأدلة عن {H}",
    "{S} في الممارسة: حالة {EMP}",
    "الحقوق الرقمية في العمل في {C}: {S}",
    "التكاليف الخفية لاستخدام {T}",
    "تقرير {Y}: {S} وظروف عمل {O}",
    "قبل التوقيع: {T} والقانون في {C}",
    "رصد {T} في قطاع {SEC} {REG.in}",
    "{ORG}: موقفنا من {S}",
    "الإنسان أولًا: {S} في قطاع {SEC}",
    "عشرة أسئلة حول {T}",
    "قائمة مرجعية: إدخال {T} دون الإضرار بالعاملين",
    "{S} في {CITY}: استطلاع لآراء {O} عام {Y}",
    "من الشكوى إلى البند التفاوضي: {H} في قطاع {SEC}",
    "خدمات عامة وبيانات عامة: {S} في {CITY}",
};
constexpr std::string_view kArTitleSlides[] = {
    "عرض تقديمي: {S} من أجل {AUD}",     "مواد ورشة العمل – {S} ({CITY}، {Y})",
    "شرائح تدريبية: {T} في قطاع {SEC}", "عرض: {H} والردود النقابية",
    "شرائح الجلسة: {S} و{S2}",
};
constexpr std::string_view kArTitleRecording[] = {
    "تسجيل: {EV} حول {S}",       "ندوة مسجلة – {S} {REG.in}", "بودكاست: حديث عن {T} مع {O}",
    "تسجيل صوتي: {ORG} حول {S}", "الجلسة {N2}: {S}",          "استمع: {S} وقطاع {SEC} في {C}",
};
constexpr std::string_view kArTitleLaw[] = {
    "{LAW}: ماذا يتغير بالنسبة إلى {O}؟", "ورقة سياسات: {LAW} و{S}",  "قراءة في {LAW}: {T} في قطاع {SEC}",
    "تعليق على {LAW} ({C}، {Y})",         "{S} و{LAW}: قراءة نقابية",
};
constexpr std::string_view kArTitleAgreement[] = {
    "اتفاق بشأن {S} بين {ORG} و{EMP}",     "اتفاقية جماعية: {T} في قطاع {SEC} ({CITY}، {Y})",
    "اتفاق إطاري بشأن {S} – {EMP}",        "بروتوكول بشأن {S} موقّع في {CITY}",
    "بنود نموذجية بشأن {S} في قطاع {SEC}",
};
constexpr std::string_view kArSummary[] = {
    "كيف حصلت {O} في {CITY} على {D} بعد إدخال {T}.",
    "دليل مختصر من أجل {AUD} حول {S}، مع أسئلة تُطرح على الإدارة وأمثلة من {C}.",
    "تتناول هذه الوثيقة {S} في قطاع {SEC} وتعرض ما يمكن للنقابات التفاوض بشأنه.",
    "معطيات من {N} موقع عمل في {C} حول {H}، والمطالب التي تلتها.",
    "خطوات عملية من أجل {AUD}: حصر {T} وتقييم المخاطر والتفاوض بشأن {S}.",
    "توضح هذه الوثيقة الصادرة عن {ORG} كيف جرى إدخال {T} لدى {EMP}، وما الذي فعلته النقابة.",
    "عرض عام حول {LAW} وما يغيّره بالنسبة إلى العاملين في قطاع {SEC}.",
    "ملاحظات من {EV} في {CITY} عام {Y} حول {S}.",
    "لماذا تهمّ قضية {S} قطاع {SEC}، وكيف تستجيب النقابات {REG.in}.",
    "مقارنة بين اتفاقيات عدة بشأن {S} من {C} و{C2}.",
    "بند نموذجي مع تعليق: {D}.",
    "ما قالته {O} عن {T}: نتائج استطلاع أُجري في {M} {Y}.",
    "دروس أساسية حول {S} من أجل {AUD}، مستخلصة من حالات في {C} و{C2}.",
    "رواية خطوة بخطوة للمفاوضات حول {S} في {CITY}.",
    "أسئلة وأجوبة وصيغ مقترحة حول {S} في قطاع {SEC}.",
    "دروس مستخلصة من عام من الحوكمة المشتركة بشأن {T} لدى {EMP}.",
    "مذكرة من أجل {AUD} قبل المفاوضات حول {S}، مع مسرد للمصطلحات التقنية.",
    "كيف تبادلت النقابات في {C} و{C2} خبراتها بشأن {T} وتجنبت تكرار العمل.",
    "دراسة حالة من {CITY}: {H}، ورد النقابة، والنتيجة.",
};
constexpr std::string_view kArIntro[] = {
    "في عام {Y}، بدأ تطبيق {T} لدى {EMP}.",
    "في قطاع {SEC}، يُدخل أصحاب العمل {T} بوتيرة أسرع مما يستطيع العاملون مواكبته.",
    "بالنسبة إلى {O}، غيّر إدخال {T} إيقاع العمل اليومي.",
    "تتعرض الخدمات العامة في {C} لضغوط من أجل الرقمنة، وغالبًا دون أن يكون لمن يقدّمونها رأي في ذلك.",
    "منذ عام {Y0}، يتابع أعضاء {ORG} النقاش حول {S}.",
    "انطلق كل شيء من سؤال طرحته {O} في {CITY}: من يقرر ما يُفعل بالبيانات الناتجة عن {T}؟",
    "غالبًا ما يقدّم أصحاب العمل إدخال {T} باعتباره مجرد تحديث تقني.",
    "عندما أعلنت الإدارة عن {T}، طلبت النقابة المعلومات أولًا.",
    "قلة من العاملين في قطاع {SEC} جرت استشارتهم قبل توقيع العقد مع المورّد.",
    "بالنسبة إلى {O}، لم تعد مسألة {S} قضية بعيدة.",
    "منذ {N2} سنوات، تراكم النقابات في {C} خبرة في مجال {S}.",
    "جُمعت المواد التالية خلال {EV} بمبادرة من {ORG}.",
    "يتجاهل جزء كبير من النقاش العام حول {S} من يقدّمون الخدمات العامة فعليًا.",
    "أُعلن عن إدخال {T} في {M} {Y}، قبل أسبوعين فقط من التطبيق.",
    "جمعت فرق تنظيم الحقوق الرقمية {REG.in} هذه الأمثلة بين عامي {Y0} و{Y}.",
    "نقطة انطلاقنا بسيطة: من حق العاملين أن يعرفوا الأنظمة التي توجّه عملهم.",
    "لا تزال صفقات عمومية أُبرمت قبل سنوات تحدد الأدوات التي تستخدمها {O} كل يوم.",
    "سرّعت الجائحة انتشار {T} في قطاع {SEC}، وبقي كثير من التغييرات.",
    "وراء وعود الكفاءة، تصف {O} في {CITY} واقعًا مختلفًا.",
    "نادرًا ما تُسأل النقابات عن رأيها في {T}، مع أن أعضاءها يعيشون نتائج ذلك.",
    "تبدأ هذه الحالة بشكوى من {O} بشأن {H}.",
    "في {C}، جعلت الحكومة من {S} أولوية في إصلاح قطاع {SEC}.",
    "جاء اللجوء إلى {T} لدى {EMP} في سياق تقليص ميزانية قطاع {SEC}.",
    "في {M} {Y}، قررت النقابة {ACT}.",
    "حذّر العاملون في {W} منذ مدة طويلة من {H}.",
};
constexpr std::string_view kArFinding[] = {
    "أبلغ العاملون عن {H} في غضون أشهر من تشغيل النظام الجديد.",
    "في {N} من مواقع العمل التي زرناها، لم يستطع أحد أن يحدد من وضع قواعد {T}.",
    "أظهر استطلاع شمل {NN} من {O} أن {P}% منهم لم يُبلَّغوا قط بالبيانات التي تُجمع عنهم.",
    "قال {P}% من المشاركين في الاستطلاع إن عبء عملهم ازداد منذ إدخال {T}.",
    "تحدّث صاحب العمل عن وفورات، لكن الأرقام لم تشمل كلفة {H}.",
    "لاحظ المندوبون أن الشكاوى بشأن {H} ارتفعت بشدة بعد عام {Y0}.",
    "رفض المورّد تقديم الوثائق بحجة الأسرار التجارية.",
    "انتهى الأمر باستخدام البيانات الناتجة عن {T} في أغراض لم يوافق عليها أحد.",
    "شعر مستخدمو الخدمات في {CITY} أيضًا بالتغيير: انتظار أطول وتواصل إنساني أقل.",
    "كانت النساء، وهنّ الأغلبية في قطاع {SEC}، الأكثر تضررًا من {H}.",
    "لم يتلقَّ الزملاء الأكبر سنًا أي تدريب، وشعروا بأنهم يُدفعون نحو التقاعد المبكر.",
    "عندما كان النظام يخطئ، كان على موظفي الاستقبال أن يشرحوا ذلك للجمهور.",
    "أكدت هيئة حماية البيانات في {C} لاحقًا أن المعالجة كانت تفتقر إلى أساس قانوني.",
    "كانت لوحات القياس الخاصة بالإدارة تضع الفرق في منافسة بعضها مع بعض، مما أضعف التعاون.",
    "كانت فرق العمل الليلي أول من لاحظ {H}.",
    "امتد العقد مع المورّد {N2} سنوات، ولم يتضمن أي بند بشأن استشارة العاملين.",
    "لم يُجرَ أي تقييم للأثر قبل إطلاق النظام.",
    "كشف الحصر الذي أجرته النقابة عن {N} نظامًا رقميًا مختلفًا، معظمها غير معروف لممثلي العاملين.",
    "كانت سجلات الإجازات المرضية تُدمج مع بيانات الأداء دون موافقة.",
    "أشارت المقابلات مع {O} إلى {H} و{H2} بوصفهما أبرز المخاوف.",
    "في {CITY}، جرى توسيع تجربة {T} بهدوء لتشمل الخدمة كلها.",
    "استُخدمت مكاسب الكفاءة الموعودة لتبرير خفض عدد الموظفين بنسبة {P}%.",
    "قيل للعاملين الذين شككوا في نتائج النظام أن يثقوا بالبيانات.",
    "وجد تدقيق داخلي نسبة أخطاء بلغت {P}% في القرارات المتخذة باستخدام {T}.",
    "كان جزء كبير من النظام يعمل على خوادم في الخارج، بعيدًا عن متناول القانون الوطني.",
    "اقتصر التدريب على مقطع فيديو واحد متاح بلغة واحدة فقط.",
    "قال عدد من الزملاء إنهم يشعرون بالمراقبة حتى أثناء فترات الاستراحة.",
    "تُظهر حالات مماثلة في {C2} النمط نفسه.",
    "حيثما تفاوضت النقابات مسبقًا، جرى اكتشاف المشكلات وتصحيحها بسرعة أكبر.",
    "تعلقت أخطر الشكاوى ب{H}.",
    "ارتفع معدل دوران الموظفين في الوحدات التي تستخدم {T} بنسبة {P}% خلال عامين.",
    "قال الأعضاء إنهم سيقبلون الأدوات الجديدة إذا كان لهم رأي حقيقي في طريقة ضبطها.",
    "أصدرت الجهة الرقابية إرشادات في عام {Y}، لكن التطبيق بقي ضعيفًا.",
    "في {M} {Y}، حصلت النقابة على أول نسخة من تقييم المخاطر الخاص بالنظام.",
    "كان المديرون المباشرون في الغالب لا يعرفون عن {T} أكثر مما يعرفه العاملون.",
    "تخفي الأرقام فروقًا كبيرة بين {CITY} و{CITY2}.",
    "أظهرت السجلات أن النظام كان يرصد العاملين بدوام جزئي أكثر من غيرهم بمقدار {N2} مرات.",
    "امتد استخدام {T} من قطاع {SEC} إلى قطاع {SEC2} دون أي استشارة جديدة.",
    "لم يُسمح لممثلي النقابة بالاطلاع على المعايير المستخدمة في تقييم العاملين.",
    "تحمّل العاملون لدى المتعهدين، ممن لا يتمتعون بتمثيل نقابي، القسط الأكبر من المخاطر.",
    "في قطاع {SEC2}، يصف الزملاء {H2} بالكلمات نفسها تقريبًا.",
    "كشف طلب للحصول على المعلومات أن المورّد تقاضى {N} ضعفًا من التقدير الأولي.",
    "كان العاملون في {W} أول من شعر بآثار {T}.",
    "في {W} في {CITY}، وصل النظام الجديد دون أي إنذار مسبق.",
    "بدأت التجربة في عدد من {W} قبل أن تمتد إلى قطاع {SEC2}.",
    "تفاوتت الظروف في {W} تفاوتًا كبيرًا بين العاصمة والمناطق الريفية.",
    "تُركت وظائف شاغرة دون سدّها بحجة أن البرمجيات ستستوعب العمل.",
    "أُسندت صيانة النظام إلى شركة مقرها في {C2}.",
    "كان المشرفون يتلقون كل أسبوع جداول ترتيب، بينما لم يطّلع العاملون قط على نتائجهم.",
    "غيّر مورّد البرمجيات قواعد التقييم مرتين دون إبلاغ أحد.",
    "كانت رسائل الخطأ تظهر بلغة أجنبية فقط، فكان على العاملين التخمين.",
    "كانت التظلمات المتعلقة ب{H} تستغرق أشهرًا قبل النظر فيها.",
    "وكان ردّ النقابة {ACT}.",
    "عندما تعثرت المحادثات، لجأت النقابة إلى {ACT}.",
    "ذهب العقد إلى شركة {V}، وهي شركة لا خبرة لها في الخدمات العامة.",
    "رفض المورّد، شركة {V}، الكشف عن مكان تخزين البيانات.",
    "لم يعرف العاملون اسم المورّد، شركة {V}، إلا من مقال صحفي.",
};
constexpr std::string_view kArLead[] = {
    "استنادًا إلى هذه التجربة، قدّمت النقابة المطالب التالية:",
    "وضع المفاوضون في {C} قائمة بالأولويات:",
    "ينبغي أن يشمل أي اتفاق نموذجي بشأن {S} على الأقل ما يلي:",
    "يمكن للمندوبين أن يبدأوا بالمطالبة بما يلي:",
    "اتفقت اللجنة المشتركة على النقاط التالية:",
    "مطالبنا الموجهة إلى {EMP}:",
    "يتضمن الاتفاق النهائي، الموقّع في عام {Y}، ما يلي:",
    "صوّت الأعضاء على برنامج مطلبي يقوم على:",
    "قبل إدخال أي نظام جديد، على النقابات أن تضمن ما يلي:",
};
constexpr std::string_view kArBullet[] = {
    "{D}",
    "{D}",
    "{D}، بنص صريح في الاتفاق",
    "{D}، مع مراجعة سنوية",
    "{D} لجميع العاملين، بمن فيهم العاملون المؤقتون",
    "{D}، في قطاع {SEC} وقطاع {SEC2} على حد سواء",
    "{D}، بمشاركة النقابة منذ البداية",
    "{D} قبل نهاية عام {Y}",
    "{D}، بجميع اللغات المستخدمة في العمل",
};
constexpr std::string_view kArClosing[] = {
    "الدرس واضح بالنسبة إلى {AUD}: التفاوض مبكرًا، قبل توقيع العقد.",
    "يمكن للنقابات في الأقاليم الأخرى أن تكيّف هذا النهج مع أطرها القانونية.",
    "الخطوة التالية هي تقاسم هذه النتائج مع النقابات في {C2} التي تواجه أنظمة مماثلة.",
    "يمكن لفرق تنظيم الحقوق الرقمية {REG.in} أن تقدم الدعم بالتدريب والبنود النموذجية.",
    "تتوفر في المكتبة مواد إضافية حول {S2}.",
    "ستساعد ملاحظاتكم في إعداد الطبعة القادمة من هذه الوثيقة.",
    "الحوكمة المشتركة للخوارزميات ليست مسألة تقنية، بل مسألة سلطة في مكان العمل.",
    "ستقدّم النقابة تقريرًا عن التقدم المحرز خلال {EV}.",
    "تواصلوا مع التنسيق الإقليمي للانضمام إلى الدورة التدريبية القادمة.",
    "تبادل الممارسات الجيدة والسيئة معًا يجنّب النقابات الأخرى تكرار العمل نفسه.",
    "عززت التحالفات مع جمعيات المستخدمين والباحثين الحملة.",
    "ما حدث في {CITY} يمكن أن يحدث في أي مكان، وما فعلته النقابة هناك يمكن تكراره أيضًا.",
    "إلى أن يُطبَّق الاتفاق بالكامل، ينبغي للمندوبين تسجيل كل حادثة مرتبطة باستخدام {T}.",
    "ترافق هذه الوثيقة قائمة مرجعية ونموذج رسالة موجهة إلى الإدارة.",
    "نرحب بالترجمات إلى لغات أخرى، ويرجى إبلاغ التنسيق الإقليمي بها.",
    "يمكن نسخ هذه المواد وتكييفها لأغراض التثقيف النقابي.",
    "الأرقام الواردة هنا مأخوذة من سجلات النقابة وقد تختلف عن الإحصاءات الرسمية.",
    "سيصدر تحديث بعد الاجتماع القادم للجنة المشتركة.",
    "أسئلة للنقاش: لمن تعود البيانات، ومن يحق له الاطلاع عليها، ومن يقرر موعد حذفها؟",
};
constexpr std::string_view kArHeadContext[] = {"السياق", "ما الذي حدث", "لماذا يهم ذلك", "الوضع في {CITY}", "نقطة الانطلاق"};
constexpr std::string_view kArHeadFindings[] = {"ما توصلنا إليه", "النتائج", "ما يقوله العاملون", "الوقائع", "من الميدان"};
constexpr std::string_view kArHeadDemands[] = {"ما ينبغي التفاوض بشأنه", "المطالب", "نقاط التفاوض", "ما يمكن للنقابات فعله",
                                               "الخطوات التالية"};
constexpr std::string_view kArTranscript[] = {
    "مرحبًا بالجميع، وشكرًا على مشاركتكم في هذه الجلسة حول {S}.",
    "لنبدأ بجولة سريعة: ما الأدوات الرقمية التي تستخدمونها في العمل؟",
    "في مكان عملي لدينا {T}، ولم يسألنا أحد عن رأينا قط.",
    "المشكلة الكبرى عندنا تتعلق ب{H}.",
    "عندما طلبنا الوثائق، قالت الإدارة إنها ملك للمورّد.",
    "إذن السؤال هو: ماذا يمكننا أن نضع على طاولة المفاوضات؟",
    "نجحنا في إدراج {D} في اتفاقنا الأخير.",
    "أعمل في قطاع {SEC} في {CITY}، ويحدث الشيء نفسه هناك.",
    "هل يمكن أن تحدثنا أكثر عن طريقة عمل اللجنة المشتركة في الواقع؟",
    "نجتمع كل {N2} أسابيع، وعلى صاحب العمل أن يحضر الأرقام.",
    "لنأخذ عشر دقائق في مجموعات صغيرة لحصر الأنظمة في أماكن عملكم.",
    "تذكروا أن بإمكانكم تدريب زملائكم بالاستعانة بهذا التسجيل.",
    "ما ساعدنا هو العمل مع جمعية للمستخدمين.",
    "كان أعضاؤنا قلقين من {H2}، فبدأنا من هناك.",
    "يمنحنا القانون في {C} بعض الحقوق، لكن علينا أن نستخدمها.",
    "حسنًا، لنعد إلى الجلسة العامة ونتبادل ما توصلتم إليه.",
    "في رأيي، المفتاح هو التدخل قبل شراء النظام، لا بعده.",
    "بقي لدينا نحو {N2} دقائق، فلننظر في البند النموذجي.",
    "لدينا الآن في نقابتنا {N} مندوبًا مدرّبًا على الحقوق المتعلقة بالبيانات.",
    "شكرًا لكم جميعًا؛ ستكون الشرائح والتسجيل متاحة في المكتبة.",
};
constexpr std::string_view kArSpeakers[] = {"الميسّرة", "مشارك", "مشاركة", "مندوب نقابي", "منظمة", "مفاوض"};

// ---------------------------------------------------------------------------------------------------------
// Per-language tables
// ---------------------------------------------------------------------------------------------------------

enum Part : int {
    kTitle,
    kTitleSlides,
    kTitleRecording,
    kTitleLaw,
    kTitleAgreement,
    kSummary,
    kIntro,
    kFinding,
    kLead,
    kBullet,
    kClosing,
    kHeadContext,
    kHeadFindings,
    kHeadDemands,
    kTranscript,
    kPartCount
};

struct LangText {
    std::array<Texts, kPartCount> parts;
    Texts speakers;
    std::array<std::string_view, 12> months;
    std::string_view reserved;  // the "all rights reserved" licence
    std::string_view hub;       // publisher: regional hub, followed by the region
    std::string_view global_hub;
};

const LangText kText[] = {
    {{kEnTitle, kEnTitleSlides, kEnTitleRecording, kEnTitleLaw, kEnTitleAgreement, kEnSummary, kEnIntro, kEnFinding, kEnLead,
      kEnBullet, kEnClosing, kEnHeadContext, kEnHeadFindings, kEnHeadDemands, kEnTranscript},
     kEnSpeakers,
     {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
     "All rights reserved",
     "Digital Rights Hub – ",
     "Global Digital Rights Network"},
    {{kFrTitle, kFrTitleSlides, kFrTitleRecording, kFrTitleLaw, kFrTitleAgreement, kFrSummary, kFrIntro, kFrFinding, kFrLead,
      kFrBullet, kFrClosing, kFrHeadContext, kFrHeadFindings, kFrHeadDemands, kFrTranscript},
     kFrSpeakers,
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
     "Tous droits réservés",
     "Pôle droits numériques – ",
     "Réseau mondial des droits numériques"},
    {{kEsTitle, kEsTitleSlides, kEsTitleRecording, kEsTitleLaw, kEsTitleAgreement, kEsSummary, kEsIntro, kEsFinding, kEsLead,
      kEsBullet, kEsClosing, kEsHeadContext, kEsHeadFindings, kEsHeadDemands, kEsTranscript},
     kEsSpeakers,
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
      "diciembre"},
     "Todos los derechos reservados",
     "Centro de Derechos Digitales – ",
     "Red Mundial de Derechos Digitales"},
    {{kArTitle, kArTitleSlides, kArTitleRecording, kArTitleLaw, kArTitleAgreement, kArSummary, kArIntro, kArFinding, kArLead,
      kArBullet, kArClosing, kArHeadContext, kArHeadFindings, kArHeadDemands, kArTranscript},
     kArSpeakers,
     {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
     "جميع الحقوق محفوظة",
     "مركز الحقوق الرقمية – ",
     "الشبكة العالمية للحقوق الرقمية"},
};

// ---------------------------------------------------------------------------------------------------------
// Randomness: a counter-based generator seeded from (seed, index), so any item can be made on its own.
// ---------------------------------------------------------------------------------------------------------

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
std::uint64_t mix(std::uint64_t a, std::uint64_t b) { return splitmix(splitmix(a) ^ (b + 0x632BE59BD9B4E019ull)); }

struct Rng {
    std::uint64_t s;
    std::uint64_t next() { return splitmix(s += 0x9E3779B97F4A7C15ull); }
    int below(int n) { return static_cast<int>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32); }
    int range(int lo, int hi) { return lo + below(hi - lo + 1); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    // Index in [0, n) with weight 1/(i + c): the first entries are common, the last ones rare (Zipf-like tail).
    int zipf(int n) {
        const double c = std::max(1.5, n / 10.0);
        const int i = static_cast<int>(c * std::exp(unit() * std::log((n + c) / c)) - c);
        return std::clamp(i, 0, n - 1);
    }
    template <class T>
    int weighted(std::span<const T> weights) {
        T total{};
        for (T w : weights) total += w;
        double x = unit() * static_cast<double>(total);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < static_cast<double>(weights[i])) return static_cast<int>(i);
            x -= static_cast<double>(weights[i]);
        }
        return static_cast<int>(weights.size()) - 1;
    }
};

template <class T, std::size_t N>
constexpr int size_of(const T (&)[N]) {
    return static_cast<int>(N);
}

// ---------------------------------------------------------------------------------------------------------
// Templates, compiled once
// ---------------------------------------------------------------------------------------------------------

enum class Slot : std::uint8_t {
    Lit,
    S,
    S2,
    Sec,
    Sec2,
    Tool,
    Tool2,
    Harm,
    Harm2,
    Demand,
    Occ,
    Occ2,
    Country,
    Country2,
    City,
    City2,
    Org,
    Emp,
    Law,
    Event,
    Aud,
    Reg,
    Type,
    Year,
    Year0,
    N,
    N2,
    NN,
    P,
    Month,
    Work,
    Act,
    Vendor
};
enum class Form : std::uint8_t { Plain, De, A, Bare, In, Acr };

struct Tok {
    Slot slot = Slot::Lit;
    Form form = Form::Plain;
    std::string_view lit;
};
using Tpl = std::vector<Tok>;

Slot slot_named(std::string_view n) {
    static constexpr std::pair<std::string_view, Slot> names[] = {
        {"S", Slot::S},      {"S2", Slot::S2},     {"SEC", Slot::Sec},     {"SEC2", Slot::Sec2}, {"T", Slot::Tool},
        {"T2", Slot::Tool2}, {"H", Slot::Harm},    {"H2", Slot::Harm2},    {"D", Slot::Demand},  {"O", Slot::Occ},
        {"O2", Slot::Occ2},  {"C", Slot::Country}, {"C2", Slot::Country2}, {"CITY", Slot::City}, {"CITY2", Slot::City2},
        {"ORG", Slot::Org},  {"EMP", Slot::Emp},   {"LAW", Slot::Law},     {"EV", Slot::Event},  {"AUD", Slot::Aud},
        {"REG", Slot::Reg},  {"TYPE", Slot::Type}, {"Y", Slot::Year},      {"Y0", Slot::Year0},  {"N", Slot::N},
        {"N2", Slot::N2},    {"NN", Slot::NN},     {"P", Slot::P},         {"M", Slot::Month},   {"W", Slot::Work},
        {"ACT", Slot::Act},  {"V", Slot::Vendor}};
    for (const auto& [name, slot] : names)
        if (name == n) return slot;
    throw std::logic_error("demo template: unknown slot {" + std::string(n) + "}");
}

Form form_named(std::string_view n) {
    if (n == "de") return Form::De;
    if (n == "a") return Form::A;
    if (n == "bare") return Form::Bare;
    if (n == "in") return Form::In;
    if (n == "acr") return Form::Acr;
    throw std::logic_error("demo template: unknown form ." + std::string(n));
}

Tpl compile(std::string_view t) {
    Tpl out;
    std::size_t i = 0;
    while (i < t.size()) {
        const std::size_t open = t.find('{', i);
        if (open == std::string_view::npos) {
            out.push_back({Slot::Lit, Form::Plain, t.substr(i)});
            break;
        }
        if (open > i) out.push_back({Slot::Lit, Form::Plain, t.substr(i, open - i)});
        const std::size_t close = t.find('}', open);
        if (close == std::string_view::npos) throw std::logic_error("demo template: unclosed {");
        std::string_view name = t.substr(open + 1, close - open - 1);
        Form form = Form::Plain;
        if (const auto dot = name.find('.'); dot != std::string_view::npos) {
            form = form_named(name.substr(dot + 1));
            name = name.substr(0, dot);
        }
        out.push_back({slot_named(name), form, {}});
        i = close + 1;
    }
    return out;
}

// Everything derived once from the banks: compiled templates and lookup lists.
struct Tables {
    std::array<std::array<std::vector<Tpl>, kPartCount>, 4> parts;
    std::array<std::vector<int>, 6> countries_of_region;                      // 0 = all
    std::array<std::array<std::vector<int>, 4>, 6> countries_of_region_lang;  // countries where the language is used
    std::vector<std::vector<int>> cities_of_country;
    std::vector<std::vector<int>> occupations_of_sector;
    std::vector<std::vector<int>> workplaces_of_sector;
    std::vector<std::vector<int>> employers_of_sector;
    std::vector<int> employers_any;

    Tables() {
        for (int l = 0; l < 4; ++l)
            for (int p = 0; p < kPartCount; ++p)
                for (auto t : kText[l].parts[p]) parts[l][p].push_back(compile(t));
        for (int i = 0; i < size_of(kCountries); ++i) {
            const auto& c = kCountries[i];
            countries_of_region[0].push_back(i);
            countries_of_region[c.region].push_back(i);
            for (int l = 0; l < 4; ++l)
                if (c.langs & (1u << l)) {
                    countries_of_region_lang[c.region][l].push_back(i);
                    countries_of_region_lang[0][l].push_back(i);
                }
        }
        cities_of_country.resize(std::size(kCountries));
        for (int i = 0; i < size_of(kCities); ++i) cities_of_country[kCities[i].country].push_back(i);
        for (const auto& list : cities_of_country)
            if (list.empty()) throw std::logic_error("demo data: a country without a city");
        occupations_of_sector.resize(std::size(kSectors));
        for (int i = 0; i < size_of(kOccupations); ++i) occupations_of_sector[kOccupations[i].sector].push_back(i);
        workplaces_of_sector.resize(std::size(kSectors));
        for (int i = 0; i < size_of(kWorkplaces); ++i)
            if (kWorkplaces[i].sector >= 0) workplaces_of_sector[kWorkplaces[i].sector].push_back(i);
        employers_of_sector.resize(std::size(kSectors));
        for (int i = 0; i < size_of(kEmployers); ++i) {
            if (kEmployers[i].sector >= 0) employers_of_sector[kEmployers[i].sector].push_back(i);
            if (kEmployers[i].sector < 0 || kEmployers[i].pattern.en.find("%C") != std::string_view::npos)
                employers_any.push_back(i);
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

// ---------------------------------------------------------------------------------------------------------
// Grammar helpers: articles, contractions, capitals
// ---------------------------------------------------------------------------------------------------------

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// French elision before a vowel sound ("d'Abidjan", "d'Haïti"); a plain "h" is left alone ("de Hambourg").
bool fr_vowel(std::string_view s) {
    if (s.empty()) return false;
    if (std::string_view("AEIOUaeiou").find(s[0]) != std::string_view::npos) return true;
    return starts(s, "É") || starts(s, "é") || starts(s, "Î") || starts(s, "Haï");
}

std::string_view strip_article(int lang, std::string_view s) {
    static constexpr std::string_view en[] = {"the ", "a ", "an "};
    static constexpr std::string_view fr[] = {"le ", "la ", "les ", "l'", "un ", "une ", "des ", "du "};
    static constexpr std::string_view es[] = {"el ", "la ", "los ", "las ", "un ", "una ", "unos ", "unas "};
    std::span<const std::string_view> list = lang == EN   ? std::span<const std::string_view>(en)
                                             : lang == FR ? std::span<const std::string_view>(fr)
                                             : lang == ES ? std::span<const std::string_view>(es)
                                                          : std::span<const std::string_view>();
    for (auto a : list)
        if (starts(s, a)) return s.substr(a.size());
    return s;
}

void fr_de(std::string& out, std::string_view s) {
    if (starts(s, "le ") || starts(s, "Le "))
        out.append("du ").append(s.substr(3));
    else if (starts(s, "les "))
        out.append("des ").append(s.substr(4));
    else if (starts(s, "des "))
        out.append("de ").append(s.substr(4));
    else if (starts(s, "du "))
        out.append("de ").append(s.substr(3));
    else if (starts(s, "la ") || starts(s, "l'") || starts(s, "La "))
        out.append("de ").append(s);
    else if (fr_vowel(s))
        out.append("d'").append(s);
    else
        out.append("de ").append(s);
}

void fr_a(std::string& out, std::string_view s) {
    if (starts(s, "le ") || starts(s, "Le "))
        out.append("au ").append(s.substr(3));
    else if (starts(s, "les "))
        out.append("aux ").append(s.substr(4));
    else
        out.append("à ").append(s);
}

// A noun phrase in the requested form.
void put_np(std::string& out, int lang, std::string_view s, Form form) {
    switch (form) {
        case Form::Plain:
        case Form::Acr:
            out.append(s);
            return;
        case Form::Bare:
            out.append(strip_article(lang, s));
            return;
        case Form::De:
            if (lang == EN)
                out.append("of ").append(s);
            else if (lang == FR)
                fr_de(out, s);
            else if (lang == ES)
                out.append(starts(s, "el ") ? "del " : "de ").append(starts(s, "el ") ? s.substr(3) : s);
            else
                out.append(s);  // Arabic: the construct state needs no preposition
            return;
        case Form::A:
            if (lang == EN)
                out.append("to ").append(s);
            else if (lang == FR)
                fr_a(out, s);
            else if (lang == ES)
                out.append(starts(s, "el ") ? "al " : "a ").append(starts(s, "el ") ? s.substr(3) : s);
            else
                out.append("إلى ").append(s);
            return;
        case Form::In:
            out.append(lang == EN ? "in " : lang == FR ? "dans " : lang == ES ? "en " : "في ").append(s);
            return;
    }
}

void put_country(std::string& out, int lang, int i, Form form) {
    const Country& c = kCountries[i];
    const std::string_view name = c.name[lang];
    if (form == Form::In) {
        if (lang == FR)
            out.append(c.fr_in);
        else
            put_np(out, lang, name, Form::In);
    } else if (form == Form::De && lang == ES) {
        out.append("de ").append(name);  // "de El Salvador": names do not contract
    } else {
        put_np(out, lang, name, form);
    }
}

void put_city(std::string& out, int lang, int i, Form form) {
    const std::string_view name = kCities[i].name[lang];
    if (lang == FR && form == Form::In) {
        if (starts(name, "Le "))
            out.append("au ").append(name.substr(3));  // au Caire, au Cap
        else
            out.append("à ").append(name);
    } else if (lang == FR && form == Form::De) {
        fr_de(out, name);
    } else if (lang == ES && (form == Form::De || form == Form::A)) {
        out.append(form == Form::De ? "de " : "a ").append(name);
    } else if (form == Form::Bare) {
        out.append(name);
    } else {
        put_np(out, lang, name, form);
    }
}

// Upper-cases the first letter at pos: ASCII and the Latin-1 letters used here (é -> É, à -> À).
void capitalise(std::string& s, std::size_t pos) {
    while (pos < s.size() && (s[pos] == '*' || s[pos] == ' ' || s[pos] == '-' || s[pos] == '>')) ++pos;
    if (pos >= s.size()) return;
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c >= 'a' && c <= 'z')
        s[pos] = static_cast<char>(c - 32);
    else if (c == 0xC3 && pos + 1 < s.size()) {
        const auto d = static_cast<unsigned char>(s[pos + 1]);
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7) s[pos + 1] = static_cast<char>(d - 0x20);
    }
}

std::string acronym(std::string_view name) {
    static constexpr std::string_view skip[] = {"the", "of", "and", "des", "de",  "du", "la", "le",
                                                "les", "et", "del", "los", "las", "y",  "en"};
    std::string out;
    std::size_t i = 0;
    while (i < name.size() && out.size() < 6) {
        std::size_t j = name.find(' ', i);
        if (j == std::string_view::npos) j = name.size();
        std::string_view w = name.substr(i, j - i);
        i = j + 1;
        if (starts(w, "l'") || starts(w, "d'")) w.remove_prefix(2);
        if (w.size() < 3 || std::find(std::begin(skip), std::end(skip), w) != std::end(skip)) continue;
        const auto c = static_cast<unsigned char>(w[0]);
        if (c < 0x80 && std::isalpha(c))
            out += static_cast<char>(std::toupper(c));
        else if (starts(w, "É"))
            out += 'E';
    }
    return out;
}

void append_int(std::string& out, long v) {
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

// ---------------------------------------------------------------------------------------------------------
// One resource: the focus shared by its language versions, then the text of each version
// ---------------------------------------------------------------------------------------------------------

struct Focus {
    int type = 0;
    int region = 0;  // 0 = global
    int subject = 0, sector = 0, tool = 0, harm = 0, occupation = 0, country = 0, city = 0, law = 0, event = 0, audience = 0;
    int employer = 0, union_kind = 0, union_members = 0, workplace = 0, vendor = 0, vendor_suffix = 0;
    bool union_in_city = true;
    int year = 2020, month = 1;
};

struct Ctx {
    int lang;
    const Focus& f;
    Rng& rng;
    std::string org, emp;            // built once per version
    std::uint64_t demands_used = 0;  // no demand twice in one text
};

// Another index than the focus one, from the same bank.
int other(Rng& r, int n, int focus) {
    const int i = r.zipf(n);
    return i == focus ? (i + 1) % n : i;
}

void put_slot(std::string& out, const Tok& t, Ctx& c) {
    const int l = c.lang;
    const Focus& f = c.f;
    Rng& r = c.rng;
    switch (t.slot) {
        case Slot::Lit:
            out.append(t.lit);
            break;
        case Slot::S:
            put_np(out, l, kSubjects[f.subject].text[l], t.form);
            break;
        case Slot::S2:
            put_np(out, l, kSubjects[other(r, size_of(kSubjects), f.subject)].text[l], t.form);
            break;
        case Slot::Sec:
            put_np(out, l, kSectors[f.sector][l], t.form);
            break;
        case Slot::Sec2:
            put_np(out, l, kSectors[other(r, size_of(kSectors), f.sector)][l], t.form);
            break;
        case Slot::Tool:
            put_np(out, l, kTools[f.tool][l], t.form);
            break;
        case Slot::Tool2:
            put_np(out, l, kTools[other(r, size_of(kTools), f.tool)][l], t.form);
            break;
        case Slot::Harm:
            put_np(out, l, kHarms[f.harm][l], t.form);
            break;
        case Slot::Harm2:
            put_np(out, l, kHarms[other(r, size_of(kHarms), f.harm)][l], t.form);
            break;
        case Slot::Demand: {
            int d = r.zipf(size_of(kDemands));
            for (int tries = 0; tries < 6 && (c.demands_used >> d & 1); ++tries) d = r.below(size_of(kDemands));
            c.demands_used |= std::uint64_t{1} << d;
            put_np(out, l, kDemands[d][l], t.form);
            break;
        }
        case Slot::Occ:
            put_np(out, l, kOccupations[f.occupation].text[l], t.form);
            break;
        case Slot::Occ2:
            put_np(out, l, kOccupations[other(r, size_of(kOccupations), f.occupation)].text[l], t.form);
            break;
        case Slot::Country:
            put_country(out, l, f.country, t.form);
            break;
        case Slot::Country2: {
            const auto& list = tables().countries_of_region[f.region];
            int i = list[r.below(static_cast<int>(list.size()))];
            if (i == f.country) i = tables().countries_of_region[0][r.zipf(size_of(kCountries))];
            put_country(out, l, i == f.country ? (i + 1) % size_of(kCountries) : i, t.form);
            break;
        }
        case Slot::City:
            put_city(out, l, f.city, t.form);
            break;
        case Slot::City2: {
            const auto& same = tables().cities_of_country[f.country];
            int i = same.size() > 1 && r.chance(0.5) ? same[r.below(static_cast<int>(same.size()))] : r.zipf(size_of(kCities));
            put_city(out, l, i == f.city ? (i + 1) % size_of(kCities) : i, t.form);
            break;
        }
        case Slot::Org:
            if (t.form == Form::Acr)
                out.append(acronym(strip_article(l, c.org)));
            else
                put_np(out, l, c.org, t.form);
            break;
        case Slot::Emp:
            put_np(out, l, c.emp, t.form);
            break;
        case Slot::Law:
            put_np(out, l, kLaws[f.law][l], t.form);
            break;
        case Slot::Event:
            put_np(out, l, kEvents[f.event][l], t.form);
            break;
        case Slot::Aud:
            put_np(out, l, kAudienceNames[f.audience][l], t.form);
            break;
        case Slot::Reg:
            if (t.form == Form::In)
                out.append(kRegionIn[f.region][l]);
            else
                put_np(out, l, kRegionNames[f.region][l], t.form);
            break;
        case Slot::Type:
            out.append(l == EN ? kTypeNamesEn[f.type] : "document");
            break;
        case Slot::Year:
            append_int(out, f.year);
            break;
        case Slot::Year0:
            append_int(out, f.year - r.range(1, 4));
            break;
        case Slot::N:
            append_int(out, r.range(12, 60));
            break;
        case Slot::N2:
            append_int(out, r.range(3, 10));
            break;
        case Slot::NN:
            append_int(out, r.range(12, 240) * 10);
            break;
        case Slot::P:
            append_int(out, r.range(5, 85));
            break;
        case Slot::Month:
            out.append(kText[l].months[r.below(12)]);
            break;
        case Slot::Work:
            put_np(out, l, kWorkplaces[f.workplace].text[l], t.form);
            break;
        case Slot::Act:
            put_np(out, l, kActions[r.zipf(size_of(kActions))][l], t.form);
            break;
        case Slot::Vendor:
            out.append(kVendors[f.vendor]).append(" ").append(kVendorSuffixes[f.vendor_suffix]);
            break;
    }
}

// Appends one sentence of the part (capitalised); returns its number of words.
std::size_t sentence(std::string& out, Part part, Ctx& c, std::uint64_t* used = nullptr) {
    const auto& list = tables().parts[c.lang][part];
    const int n = static_cast<int>(list.size());
    int k = c.rng.below(n);
    if (used) {  // prefer a template not used yet in this text
        for (int tries = 0; tries < 8 && (*used >> (k & 63) & 1); ++tries) k = c.rng.below(n);
        *used |= std::uint64_t{1} << (k & 63);
    }
    const std::size_t start = out.size();
    for (const Tok& t : list[k]) put_slot(out, t, c);
    capitalise(out, start);
    return static_cast<std::size_t>(std::count(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), ' ')) + 1;
}

std::string build_org(int lang, const Focus& f) {
    std::string out;
    const std::string_view kind = kUnionKinds[f.union_kind][lang], members = kUnionMembers[f.union_members][lang];
    auto place = [&](Form form) {
        if (f.union_in_city)
            put_city(out, lang, f.city, form);
        else
            put_country(out, lang, f.country, form);
    };
    switch (lang) {
        case EN:
            out.append("the ").append(kind).append(" of ").append(members).append(" of ");
            place(Form::Plain);
            break;
        case FR:
            out.append(kind).append(" ").append(members).append(" ");
            place(Form::De);
            break;
        case ES:
            out.append(kind).append(" ").append(members).append(" ");
            place(Form::De);
            break;
        default:
            out.append(kind).append(" ").append(members).append(" ");
            place(Form::In);
            break;
    }
    return out;
}

std::string build_employer(int lang, const Focus& f) {
    std::string out;
    const std::string_view p = kEmployers[f.employer].pattern[lang];
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '%' && i + 1 < p.size() && (p[i + 1] == 'C' || p[i + 1] == 'N')) {
            const Form form = lang == FR ? Form::De : Form::Bare;  // French: "la mairie de Lyon", "du Kenya"
            if (p[i + 1] == 'C')
                put_city(out, lang, f.city, form);
            else
                put_country(out, lang, f.country, form == Form::Bare ? Form::Plain : form);
            ++i;
        } else {
            out += p[i];
        }
    }
    return out;
}

Part title_part(int type) {
    const std::string_view t = kTypes[type];
    if (t == "slides") return kTitleSlides;
    if (t == "recording" || t == "audio") return kTitleRecording;
    if (t == "law-policy") return kTitleLaw;
    if (t == "collective-agreement") return kTitleAgreement;
    return kTitle;
}

// Markdown body of about 120-250 words: context, findings, demands as a list, closing.
std::string build_body(Ctx& c) {
    std::string b;
    b.reserve(2200);
    Rng& r = c.rng;
    const std::size_t target = static_cast<std::size_t>(r.range(120, 250));
    std::size_t words = 0;
    std::uint64_t used_intro = 0, used_finding = 0, used_closing = 0;
    if (r.chance(0.4)) {
        b += "## ";
        sentence(b, kHeadContext, c);
        b += "\n\n";
    }
    words += sentence(b, kIntro, c, &used_intro);
    b += ' ';
    words += sentence(b, kIntro, c, &used_intro);
    b += "\n\n## ";
    sentence(b, kHeadFindings, c);
    b += "\n\n";
    int in_paragraph = 0;
    const std::size_t findings_until = target * 55 / 100;
    do {
        if (in_paragraph == 3) {
            b += "\n\n";
            in_paragraph = 0;
        } else if (in_paragraph > 0) {
            b += ' ';
        }
        words += sentence(b, kFinding, c, &used_finding);
        ++in_paragraph;
    } while (words < findings_until);
    if (r.chance(0.12)) {  // a member's words, quoted
        b += "\n\n> ";
        words += sentence(b, kTranscript, c);
    }
    b += "\n\n## ";
    sentence(b, kHeadDemands, c);
    b += "\n\n";
    const bool bold = r.chance(0.2);
    if (bold) b += "**";
    words += sentence(b, kLead, c);
    if (bold) b += "**";
    b += "\n\n";
    const int bullets = r.range(3, 5);
    for (int i = 0; i < bullets; ++i) {
        b += "- ";
        words += sentence(b, kBullet, c);
        b += '\n';
    }
    b += '\n';
    for (int i = 0; i < 3 && (i == 0 || words < target); ++i) {
        if (i > 0) b += ' ';
        words += sentence(b, kClosing, c, &used_closing);
    }
    b += '\n';
    return b;
}

// About 200 words of a recorded session, one speaker turn per paragraph. The first transcript template opens
// the session and the last one closes it; the facilitator (first speaker) says both.
std::string build_transcript(Ctx& c) {
    std::string t;
    t.reserve(1600);
    const auto& speakers = kText[c.lang].speakers;
    const auto& lines = tables().parts[c.lang][kTranscript];
    const int n = static_cast<int>(lines.size());
    const std::string_view colon = c.lang == FR ? " : " : ": ";
    auto turn = [&](std::string_view speaker, int k) {
        if (!t.empty()) t += "\n\n";
        t.append(speaker).append(colon);
        const std::size_t start = t.size();
        for (const Tok& tok : lines[k]) put_slot(t, tok, c);
        capitalise(t, start);
        return static_cast<std::size_t>(std::count(t.begin() + static_cast<std::ptrdiff_t>(start), t.end(), ' ')) + 2;
    };
    std::size_t words = turn(speakers[0], 0);
    std::uint64_t used = 0;
    while (words < 180) {
        int k = 1 + c.rng.below(n - 2);
        for (int tries = 0; tries < 8 && (used >> k & 1); ++tries) k = 1 + c.rng.below(n - 2);
        used |= std::uint64_t{1} << k;
        if (std::popcount(used) >= n - 2) used = 0;
        words += turn(speakers[c.rng.below(static_cast<int>(speakers.size()))], k);
    }
    turn(speakers[0], n - 1);
    return t;
}

Version build_version(int lang, const Focus& f, std::uint64_t item_seed, bool with_transcript) {
    Rng r{mix(item_seed, 0x100 + static_cast<std::uint64_t>(lang))};
    Ctx c{lang, f, r, build_org(lang, f), build_employer(lang, f)};
    Version v;
    v.lang = std::string(kLangKeys[lang]);
    sentence(v.title, title_part(f.type), c);
    sentence(v.summary, kSummary, c);
    if (r.chance(0.4)) {
        v.summary += ' ';
        sentence(v.summary, kIntro, c);
    }
    c.demands_used = 0;
    v.body_md = build_body(c);
    if (with_transcript) v.transcript = build_transcript(c);
    return v;
}

constexpr int kLangShare[] = {45, 25, 20, 10};
// Region (1..5) by language of the first version: where each language's resources mostly come from.
constexpr int kRegionByLang[4][5] = {{25, 25, 30, 5, 15}, {12, 40, 3, 3, 42}, {5, 20, 2, 73, 0}, {0, 5, 5, 0, 90}};
constexpr int kTypeShare[] = {22, 16, 12, 12, 6, 16, 8, 8};           // kTypes order
constexpr int kYearShare[] = {4, 5, 6, 7, 9, 10, 12, 12, 12, 11, 9};  // 2016..2026

Resource make_resource(std::uint64_t seed, std::uint64_t index) {
    const std::uint64_t item_seed = mix(seed, index);
    Rng r{item_seed};
    const Tables& tb = tables();
    Resource res;
    Focus f;

    // Languages: the first by share; ~30% get a second, a third of those a third.
    std::array<int, 3> langs{};
    langs[0] = r.weighted(std::span<const int>(kLangShare));
    int versions = 1;
    if (r.chance(0.30)) versions = r.chance(1.0 / 3.0) ? 3 : 2;
    for (int k = 1; k < versions; ++k) {
        int w[4];
        for (int l = 0; l < 4; ++l)
            w[l] = std::find(langs.begin(), langs.begin() + k, l) != langs.begin() + k ? 0 : kLangShare[l];
        langs[k] = r.weighted(std::span<const int>(w));
    }
    const int l0 = langs[0];

    // Regions and places.
    const bool global = r.chance(0.10);
    f.region = global ? 0 : 1 + r.weighted(std::span<const int>(kRegionByLang[l0]));
    const int place_region = global ? 1 + r.weighted(std::span<const int>(kRegionByLang[l0])) : f.region;
    const auto& near = tb.countries_of_region_lang[place_region][l0];
    const auto& all = tb.countries_of_region[place_region];
    f.country =
        !near.empty() && r.chance(0.7) ? near[r.zipf(static_cast<int>(near.size()))] : all[r.zipf(static_cast<int>(all.size()))];
    const auto& cities = tb.cities_of_country[f.country];
    f.city = cities[r.zipf(static_cast<int>(cities.size()))];
    if (global) {
        res.regions = {"global"};
    } else {
        res.regions = {std::string(kRegions[f.region])};
        if (r.chance(0.25)) res.regions.emplace_back(kRegions[1 + (f.region + r.range(0, 3)) % 5]);  // another of the five
    }

    // What it is about.
    f.type = r.weighted(std::span<const int>(kTypeShare));
    f.subject = r.zipf(size_of(kSubjects));
    f.sector = r.zipf(size_of(kSectors));
    const auto& occ = tb.occupations_of_sector[f.sector];
    f.occupation = !occ.empty() && r.chance(0.75) ? occ[r.below(static_cast<int>(occ.size()))] : r.zipf(size_of(kOccupations));
    const auto& work = tb.workplaces_of_sector[f.sector];
    f.workplace = !work.empty() && r.chance(0.7) ? work[r.below(static_cast<int>(work.size()))] : r.zipf(size_of(kWorkplaces));
    f.tool = r.zipf(size_of(kTools));
    f.vendor = r.zipf(size_of(kVendors));
    f.vendor_suffix = r.below(size_of(kVendorSuffixes));
    f.harm = r.zipf(size_of(kHarms));
    f.law = r.zipf(size_of(kLaws));
    f.event = r.zipf(size_of(kEvents));
    f.audience = r.zipf(size_of(kAudienceNames));
    const auto& emp = tb.employers_of_sector[f.sector];
    f.employer = !emp.empty() && r.chance(0.8) ? emp[r.below(static_cast<int>(emp.size()))]
                                               : tb.employers_any[r.below(static_cast<int>(tb.employers_any.size()))];
    f.union_kind = r.zipf(size_of(kUnionKinds));
    f.union_members = r.zipf(size_of(kUnionMembers));
    f.union_in_city = r.chance(0.6);

    // Date between 2016-01-01 and 2026-11-01.
    f.year = 2016 + r.weighted(std::span<const int>(kYearShare));
    f.month = f.year == 2026 ? r.range(1, 11) : r.range(1, 12);
    static constexpr int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int day =
        f.year == 2026 && f.month == 11 ? 1 : r.range(1, days_in[f.month - 1] + (f.month == 2 && f.year % 4 == 0 ? 1 : 0));
    for (const int v : {f.year, f.month, day}) {
        if (!res.date.empty()) res.date += '-';
        if (v < 10) res.date += '0';
        append_int(res.date, v);
    }

    // Tags and metadata.
    res.type = std::string(kTypes[f.type]);
    res.themes.push_back(kSubjects[f.subject].theme);
    for (int extra = r.weighted(std::span<const int>({50, 35, 15})); extra > 0; --extra) res.themes.push_back(r.range(1, 7));
    res.audiences.emplace_back(kAudiences[f.audience]);
    for (int extra = r.weighted(std::span<const int>({45, 40, 15})); extra > 0; --extra)
        res.audiences.emplace_back(kAudiences[r.zipf(size_of(kAudienceNames))]);
    res.key_publication = r.chance(0.05);
    const bool recorded = res.type == "recording" || res.type == "audio";
    if (recorded) res.duration_seconds = r.range(600, 7200);
    const bool with_transcript = recorded && r.chance(0.5);
    switch (r.weighted(std::span<const int>({40, 15, 20, 10, 10, 5}))) {
        case 0:
            res.licence = "CC BY 4.0";
            break;
        case 1:
            res.licence = "CC BY-SA 4.0";
            break;
        case 2:
            res.licence = "CC BY-NC-SA 4.0";
            break;
        case 3:
            res.licence = "CC BY-NC 4.0";
            break;
        case 4:
            res.licence = std::string(kText[l0].reserved);
            break;
        default:
            break;  // not stated
    }
    if (r.chance(0.25)) {
        res.url = r.chance(0.6) ? "https://example.org/library/" : "https://example.net/docs/";
        append_int(res.url, f.year);
        res.url += '/';
        char hex[17];
        std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(index));
        res.url += hex;
        if (!recorded && r.chance(0.6)) res.url += ".pdf";
    }

    // Publisher, in the first version's language.
    const bool official = res.type == "law-policy" || res.type == "collective-agreement";
    static constexpr int kPublisherShare[2][4] = {{50, 15, 20, 15}, {35, 10, 10, 45}};  // union, hub, institute, employer
    const int who = r.weighted(std::span<const int>(kPublisherShare[official ? 1 : 0]));
    std::string publisher;
    switch (who) {
        case 0:
            publisher = std::string(strip_article(l0, build_org(l0, f)));
            break;
        case 1:
            if (global)
                publisher = std::string(kText[l0].global_hub);
            else
                put_np(publisher.append(kText[l0].hub), l0, kRegionNames[f.region][l0], Form::Bare);
            break;
        case 2:
            publisher = std::string(kInstitutes[r.zipf(size_of(kInstitutes))][l0]);
            break;
        default:
            publisher = std::string(strip_article(l0, build_employer(l0, f)));
            break;
    }
    capitalise(publisher, 0);
    res.publisher = std::move(publisher);

    for (int k = 0; k < versions; ++k) res.versions.push_back(build_version(langs[k], f, item_seed, with_transcript && k == 0));
    // As validate() leaves them: sorted, no duplicates.
    auto sort_unique = [](auto& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    sort_unique(res.regions);
    sort_unique(res.themes);
    sort_unique(res.audiences);
    return res;
}

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

// Singular and plural of nouns found in the texts, for queries typed either way.
constexpr std::pair<std::string_view, std::string_view> kEnPlurals[] = {
    {"algorithm", "algorithms"},   {"clause", "clauses"},       {"agreement", "agreements"},
    {"camera", "cameras"},         {"dashboard", "dashboards"}, {"union", "unions"},
    {"worker", "workers"},         {"right", "rights"},         {"committee", "committees"},
    {"audit", "audits"},           {"platform", "platforms"},   {"system", "systems"},
    {"score", "scores"},           {"sensor", "sensors"},       {"chatbot", "chatbots"},
    {"record", "records"},         {"contract", "contracts"},   {"decision", "decisions"},
    {"assessment", "assessments"}, {"register", "registers"},   {"tool", "tools"},
    {"strategy", "strategies"},    {"city", "cities"},          {"nurse", "nurses"}};
constexpr std::pair<std::string_view, std::string_view> kFrPlurals[] = {{"algorithme", "algorithmes"},
                                                                        {"clause", "clauses"},
                                                                        {"accord", "accords"},
                                                                        {"caméra", "caméras"},
                                                                        {"syndicat", "syndicats"},
                                                                        {"droit", "droits"},
                                                                        {"donnée", "données"},
                                                                        {"plateforme", "plateformes"},
                                                                        {"système", "systèmes"},
                                                                        {"comité", "comités"},
                                                                        {"audit", "audits"},
                                                                        {"outil", "outils"},
                                                                        {"logiciel", "logiciels"},
                                                                        {"décision", "décisions"},
                                                                        {"travailleur", "travailleurs"},
                                                                        {"capteur", "capteurs"},
                                                                        {"contrat", "contrats"},
                                                                        {"registre", "registres"},
                                                                        {"ville", "villes"},
                                                                        {"négociation", "négociations"},
                                                                        {"évaluation", "évaluations"},
                                                                        {"agent", "agents"},
                                                                        {"hôpital", "hôpitaux"},
                                                                        {"service public", "services publics"}};
constexpr std::pair<std::string_view, std::string_view> kEsPlurals[] = {{"algoritmo", "algoritmos"},
                                                                        {"cláusula", "cláusulas"},
                                                                        {"convenio", "convenios"},
                                                                        {"cámara", "cámaras"},
                                                                        {"sindicato", "sindicatos"},
                                                                        {"derecho", "derechos"},
                                                                        {"dato", "datos"},
                                                                        {"plataforma", "plataformas"},
                                                                        {"sistema", "sistemas"},
                                                                        {"comisión", "comisiones"},
                                                                        {"auditoría", "auditorías"},
                                                                        {"herramienta", "herramientas"},
                                                                        {"decisión", "decisiones"},
                                                                        {"trabajador", "trabajadores"},
                                                                        {"sensor", "sensores"},
                                                                        {"contrato", "contratos"},
                                                                        {"registro", "registros"},
                                                                        {"ciudad", "ciudades"},
                                                                        {"negociación", "negociaciones"},
                                                                        {"evaluación", "evaluaciones"},
                                                                        {"servicio público", "servicios públicos"}};
constexpr std::pair<std::string_view, std::string_view> kArPlurals[] = {
    {"خوارزمية", "خوارزميات"}, {"بند", "بنود"},   {"اتفاقية", "اتفاقيات"}, {"كاميرا", "كاميرات"},
    {"نقابة", "نقابات"},       {"حق", "حقوق"},    {"منصة", "منصات"},       {"نظام", "أنظمة"},
    {"لجنة", "لجان"},          {"أداة", "أدوات"}, {"قرار", "قرارات"},      {"عامل", "عمال"},
    {"عقد", "عقود"},           {"سجل", "سجلات"},  {"خدمة", "خدمات"},       {"مدينة", "مدن"},
    {"تقييم", "تقييمات"}};

constexpr std::string_view kStopEn[] = {"of",   "the", "and", "for",   "in",    "to",  "a",      "an",  "on",
                                        "with", "by",  "at",  "from",  "that",  "be",  "is",     "are", "every",
                                        "each", "any", "no",  "after", "about", "who", "nobody", "can"};
constexpr std::string_view kStopFr[] = {"de",    "des",    "du",     "la",    "le",    "les",      "et",     "en",
                                        "au",    "aux",    "pour",   "sur",   "par",   "à",        "un",     "une",
                                        "dans",  "avec",   "que",    "ne",    "sait",  "personne", "chaque", "tout",
                                        "entre", "plutôt", "aucune", "aucun", "avant", "au"};
constexpr std::string_view kStopEs[] = {"de",   "del",       "la",    "el",   "los",    "las",     "y",     "en",  "para",
                                        "por",  "con",       "a",     "al",   "un",     "una",     "sobre", "que", "sin",
                                        "cada", "cualquier", "nadie", "sabe", "ningún", "ninguna", "antes", "a"};
constexpr std::string_view kStopAr[] = {"في",   "من",   "على", "إلى", "عن",  "مع",  "أي", "كل",
                                        "التي", "الذي", "لا",  "بعد", "قبل", "دون", "ضد"};

std::span<const std::string_view> stop_words(int lang) {
    switch (lang) {
        case EN:
            return kStopEn;
        case FR:
            return kStopFr;
        case ES:
            return kStopEs;
        default:
            return kStopAr;
    }
}

std::span<const std::pair<std::string_view, std::string_view>> plurals(int lang) {
    switch (lang) {
        case EN:
            return kEnPlurals;
        case FR:
            return kFrPlurals;
        case ES:
            return kEsPlurals;
        default:
            return kArPlurals;
    }
}

// Words of a phrase as a reader would type them: no article glued on ("l'intelligence" -> "intelligence"),
// no punctuation.
std::vector<std::string_view> phrase_words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = s.find(' ', i);
        if (j == std::string_view::npos) j = s.size();
        std::string_view w = s.substr(i, j - i);
        i = j + 1;
        if (starts(w, "l'") || starts(w, "d'")) w.remove_prefix(2);
        while (!w.empty() && std::string_view(",:;()").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
        if (!w.empty() && w != "–" && w != "-") out.push_back(w);
    }
    return out;
}

// Latin letters with accents as typed without them ("numérique" -> "numerique").
std::string fold_accents(std::string_view s) {
    static constexpr std::pair<std::string_view, char> map[] = {
        {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"í", 'i'},
        {"î", 'i'}, {"ï", 'i'}, {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'},
        {"ç", 'c'}, {"ñ", 'n'}, {"É", 'E'}, {"À", 'A'}, {"Á", 'A'}, {"Ó", 'O'}, {"Í", 'I'}, {"Ú", 'U'}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool done = false;
        if (static_cast<unsigned char>(s[i]) >= 0x80)
            for (const auto& [from, to] : map)
                if (s.substr(i, from.size()) == from) {
                    out += to;
                    i += from.size();
                    done = true;
                    break;
                }
        if (!done) out += s[i++];
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z')
            out[i] = static_cast<char>(c + 32);
        else if (c == 0xC3 && i + 1 < out.size()) {
            const auto d = static_cast<unsigned char>(out[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
            ++i;
        }
    }
    return out;
}

// Arabic as often typed: bare alef for hamzated forms, no article.
std::string arabic_casual(std::string_view s, bool drop_article) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const bool word_start = i == 0 || s[i - 1] == ' ';
        if (drop_article && word_start && starts(s.substr(i), "ال") && s.size() - i > 6) {
            i += std::string_view("ال").size();
            continue;
        }
        if (starts(s.substr(i), "أ") || starts(s.substr(i), "إ") || starts(s.substr(i), "آ")) {
            out += "ا";
            i += 2;
            continue;
        }
        out += s[i++];
    }
    return out;
}

// Words of the sentence templates ("work", "union", "data"...): they occur in most texts, so a query made of
// them alone would match half the library. Queries keep them only next to a rarer word.
const std::unordered_set<std::string>& template_words(int lang) {
    static const std::array<std::unordered_set<std::string>, 4> sets = [] {
        std::array<std::unordered_set<std::string>, 4> out;
        for (int l = 0; l < 4; ++l)
            for (const auto& part : kText[l].parts)
                for (std::string_view t : part) {
                    std::string plain;  // the template without its slots
                    for (std::size_t i = 0; i < t.size(); ++i) {
                        if (t[i] == '{')
                            i = t.find('}', i);
                        else
                            plain += t[i];
                    }
                    for (auto w : phrase_words(plain)) {
                        while (!w.empty() && std::string_view(".?!»«\"'").find(w.back()) != std::string_view::npos)
                            w.remove_suffix(1);
                        if (!w.empty()) out[l].insert(lower(w));
                    }
                }
        return out;
    }();
    return sets[lang];
}

std::string make_query(int lang, Rng& r) {
    const auto stops = stop_words(lang);
    auto is_stop = [&](std::string_view w) { return std::find(stops.begin(), stops.end(), w) != stops.end(); };
    const auto& common = template_words(lang);
    auto is_common = [&](std::string_view w) { return is_stop(w) || common.count(lower(w)) > 0; };

    std::string q;
    const int kind = r.weighted(std::span<const int>({24, 18, 10, 11, 11, 6, 6, 4, 2, 8, 6}));
    std::string_view phrase;
    switch (kind) {
        case 0:
            phrase = kSubjects[r.zipf(size_of(kSubjects))].text[lang];
            break;
        case 1:
            phrase = kTools[r.zipf(size_of(kTools))][lang];
            break;
        case 2:
            phrase = kSectors[r.zipf(size_of(kSectors))][lang];
            break;
        case 3:
            phrase = kOccupations[r.zipf(size_of(kOccupations))].text[lang];
            break;
        case 4:
            phrase = kHarms[r.zipf(size_of(kHarms))][lang];
            break;
        case 5:
            phrase = kCities[r.zipf(size_of(kCities))].name[lang];
            break;
        case 6:
            phrase = kCountries[r.zipf(size_of(kCountries))].name[lang];
            break;
        case 7:
            phrase = kDemands[r.zipf(size_of(kDemands))][lang];
            break;
        case 8:
            phrase = kLaws[r.zipf(size_of(kLaws))][lang];
            break;
        case 10:
            phrase = kWorkplaces[r.zipf(size_of(kWorkplaces))].text[lang];
            break;
        default: {  // a noun as singular or plural, sometimes with a sector
            const auto list = plurals(lang);
            const auto& [one, many] = list[static_cast<std::size_t>(r.zipf(static_cast<int>(list.size())))];
            q = r.chance(0.7) ? many : one;
            if (r.chance(0.3)) {
                const auto sector = phrase_words(strip_article(lang, kSectors[r.zipf(size_of(kSectors))][lang]));
                q += ' ';
                q += sector.front();
            }
            break;
        }
    }
    if (q.empty()) {
        std::vector<std::string_view> words = phrase_words(strip_article(lang, phrase));
        if (words.size() > 1 && kind == 0 && r.chance(0.4)) {  // typed without the small words
            std::erase_if(words, is_stop);
        }
        const int want = std::min<int>(r.weighted(std::span<const int>({40, 40, 20})) + 1, static_cast<int>(words.size()));
        // A window that neither starts nor ends on a small word and has at least one uncommon word.
        std::vector<int> starts_ok;
        for (int s = 0; s + want <= static_cast<int>(words.size()); ++s) {
            const bool rare =
                std::any_of(words.begin() + s, words.begin() + s + want, [&](std::string_view w) { return !is_common(w); });
            if (!is_stop(words[s]) && !is_stop(words[s + want - 1]) && rare) starts_ok.push_back(s);
        }
        if (starts_ok.empty()) {
            for (auto w : words)
                if (!is_common(w)) {
                    q = std::string(w);
                    break;
                }
            if (q.empty()) {  // only common words: take the phrase (up to three words), more selective together
                for (std::size_t k = 0; k < std::min<std::size_t>(words.size(), 3); ++k) {
                    if (k) q += ' ';
                    q.append(words[k]);
                }
            }
        } else {
            const int s = starts_ok[r.below(static_cast<int>(starts_ok.size()))];
            for (int k = 0; k < want; ++k) {
                if (k) q += ' ';
                q.append(words[s + k]);
            }
        }
    }
    if (lang == AR) {
        if (r.chance(0.2)) q = arabic_casual(q, r.chance(0.5));
    } else {
        if (r.chance(0.75)) q = lower(q);
        if ((lang == FR || lang == ES) && r.chance(0.2)) q = fold_accents(q);
    }
    return q;
}

}  // namespace

std::vector<Resource> demo_resources(std::size_t count, std::uint64_t seed, std::size_t first_index) {
    std::vector<Resource> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(make_resource(seed, first_index + i));
    return out;
}

std::vector<std::string> demo_queries(std::string_view lang, std::size_t count, std::uint64_t seed) {
    std::vector<std::string> out;
    const auto it = std::find(std::begin(kLangKeys), std::end(kLangKeys), lang);
    if (it == std::end(kLangKeys)) return out;
    const int l = static_cast<int>(it - std::begin(kLangKeys));
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Rng r{mix(seed ^ 0x5155455259ull, i * 4 + static_cast<std::size_t>(l))};
        out.push_back(make_query(l, r));
    }
    return out;
}

}  // namespace avenir::library
