"""Dutch demo content as plain data structures; ``seed_demo`` turns them into snippets and pages.

Everything is keyed on stable identifiers (slugs, BRIN codes, numbers) so seeding is idempotent.
Dates are fixed (school years 2025-2026 and 2026-2027) so the content never drifts between runs.
"""

# --- Taxonomies -------------------------------------------------------------------------------------

# The seven worlds of technology ("zeven werelden van techniek").
TECH_WORLDS = [
    ("bouwen-wonen", "Bouwen & Wonen", "Huizen, bruggen, infrastructuur en de gebouwde omgeving."),
    ("energie", "Energie", "Opwekken, opslaan en besparen van energie: zon, wind, waterstof."),
    ("ict-communicatie", "ICT & Communicatie", "Programmeren, netwerken, media en digitale systemen."),
    ("mobiliteit-transport", "Mobiliteit & Transport", "Auto's, schepen, drones, logistiek en de haven."),
    ("gezondheid-zorg", "Gezondheid & Zorg", "Medische techniek, hulpmiddelen en de mens als systeem."),
    ("voeding-groen", "Voeding & Groen", "Voedselproductie, kassen, water en natuur."),
    ("productie-maken", "Productie & Maken", "Ontwerpen, maken en produceren: van 3D-printer tot fabriek."),
]

# (slug, name, description); TechTown's five themes first, then the societal themes, then subjects.
THEMES = [
    ("energizing", "Energizing", "TechTown-thema: energie opwekken en gebruiken."),
    ("digitaliseren", "Digitaliseren", "TechTown-thema: digitale technologie in werk en leven."),
    ("vergroenen", "Vergroenen", "TechTown-thema: een groenere stad en haven."),
    ("bouwen", "Bouwen", "TechTown-thema: bouwen aan de stad van morgen."),
    ("vervoeren", "Vervoeren", "TechTown-thema: mensen en goederen verplaatsen."),
    (
        "technisch-personeel",
        "Technisch personeel",
        "Maatschappelijk thema: meer jongeren kiezen voor techniek.",
    ),
    ("inclusie", "Genderstereotypen en inclusie", "Maatschappelijk thema: techniek is voor iedereen."),
    ("duurzaamheid", "Duurzaamheid", "Maatschappelijk thema: duurzaam denken en doen."),
    ("constructies", "Constructies", "Sterke vormen, krachten en stevige bouwwerken."),
    ("duurzame-energie", "Duurzame energie", "Zonnepanelen, windmolens en energieopslag."),
    ("magnetisme", "Magnetisme", "Magneten, polen en het magnetisch veld van de aarde."),
    ("elektronica", "Elektronica", "Stroomkringen, schakelaars, leds en sensoren."),
    ("microbit-programmeren", "micro:bit programmeren", "Programmeren met de BBC micro:bit."),
    ("3d-printen", "3D-printen", "Ontwerpen in 3D en printen met PLA."),
    ("lasersnijden", "Lasersnijden", "Vectorontwerpen snijden en graveren met de lasersnijder."),
    (
        "computational-thinking",
        "Computational thinking",
        "Problemen opdelen, patronen zien, algoritmes maken.",
    ),
    ("ontwerpcyclus", "Ontwerpcyclus", "Probleem verkennen, ontwerpen, maken, testen en verbeteren."),
    ("waterstof", "Waterstof", "Waterstof als energiedrager."),
    ("robotica", "Robotica", "Robots bouwen, programmeren en laten samenwerken."),
    ("drones", "Drones", "Vliegen, navigeren en toepassingen van drones."),
]

# (slug, name, level)
TARGET_GROUPS = [
    ("po-groep-1-2", "po groep 1/2", "po"),
    ("po-groep-3-4", "po groep 3/4", "po"),
    ("po-groep-5-6", "po groep 5/6", "po"),
    ("po-groep-7-8", "po groep 7/8", "po"),
    ("vmbo-onderbouw", "vmbo onderbouw", "vmbo"),
    ("vmbo-bovenbouw-basis", "vmbo bovenbouw basis", "vmbo"),
    ("vmbo-bovenbouw-kader", "vmbo bovenbouw kader", "vmbo"),
    ("vmbo-bovenbouw-gemengd", "vmbo bovenbouw gemengd", "vmbo"),
    ("vmbo-bovenbouw-theoretisch", "vmbo bovenbouw theoretisch (mavo)", "vmbo"),
    ("pro", "praktijkonderwijs (pro)", "pro"),
    ("vso", "voortgezet speciaal onderwijs (vso)", "vso"),
    ("mbo", "mbo", "mbo"),
]

# SLO core goals (kerndoelen 2006) for "Natuur en techniek": (number, short name, description).
CORE_GOALS = [
    (
        40,
        "Planten en dieren",
        "De leerlingen leren in de eigen omgeving veel voorkomende planten en dieren onderscheiden en "
        "benoemen en leren hoe ze functioneren in hun leefomgeving.",
    ),
    (
        41,
        "Bouw van planten, dieren en mensen",
        "De leerlingen leren over de bouw van planten, dieren en mensen en over de vorm en functie van "
        "hun onderdelen.",
    ),
    (
        42,
        "Onderzoek naar materialen en natuurkundige verschijnselen",
        "De leerlingen leren onderzoek doen aan materialen en natuurkundige verschijnselen, zoals licht, "
        "geluid, elektriciteit, kracht, magnetisme en temperatuur.",
    ),
    (
        43,
        "Weer en klimaat",
        "De leerlingen leren hoe je weer en klimaat kunt beschrijven met behulp van temperatuur, "
        "neerslag en wind.",
    ),
    (
        44,
        "Werking, vorm en materiaal van producten",
        "De leerlingen leren bij producten uit hun eigen omgeving relaties te leggen tussen de werking "
        "van die producten en de gebruikte vorm en materialen.",
    ),
    (
        45,
        "Technische problemen oplossen",
        "De leerlingen leren oplossingen voor technische problemen te ontwerpen, uit te voeren en te "
        "evalueren.",
    ),
    (
        46,
        "Aarde en zon",
        "De leerlingen leren dat de positie van de aarde ten opzichte van de zon, seizoenen en dag en "
        "nacht veroorzaakt.",
    ),
]

# --- Regions, sites, schools, partners ---------------------------------------------------------------

REGIONS = [
    {
        "slug": "techtown",
        "name": "TechTown Rotterdam",
        "description": "STO-regio TechTown: vmbo-scholen, basisscholen, mbo-colleges en bedrijven in "
        "Rotterdam, Capelle aan den IJssel en Oostland werken samen aan sterk techniekonderwijs.",
        "site": {
            "hostname": "localhost",
            "port": 8000,
            "is_default_site": True,
            "site_name": "TechTown Rotterdam",
        },
        "home": {
            "slug": "techtown",
            "title": "TechTown Rotterdam",
            "intro": "Samen maken we techniek zichtbaar en beleefbaar voor elke Rotterdamse leerling: "
            "van technieklessen in het Techniekhuis op Zuid tot de TechXpress die bij de school voor de deur staat.",
        },
    },
    {
        "slug": "sto-goal",
        "name": "STO GOAL Gorinchem-Altena",
        "description": "STO GOAL verbindt basisscholen, vmbo-scholen, Da Vinci College en het "
        "bedrijfsleven in Gorinchem en Altena in zeven programmalijnen.",
        "site": {
            "hostname": "goal.localhost",
            "port": 8000,
            "is_default_site": False,
            "site_name": "STO GOAL Gorinchem-Altena",
        },
        "home": {
            "slug": "sto-goal",
            "title": "STO GOAL Gorinchem-Altena",
            "intro": "Hotspots, ontdekspots en de techniekbus: in Gorinchem-Altena maakt elke leerling "
            "kennis met techniek en technologie.",
        },
    },
]

# Fictional schools with valid BRIN codes and postcodes.
SCHOOLS = [
    {
        "brin_code": "21XA",
        "name": "OBS De Globetrotter",
        "school_type": "po",
        "region": "techtown",
        "street": "Slaghekstraat 41",
        "postcode": "3074 LC",
        "city": "Rotterdam",
        "lat": "51.892310",
        "lon": "4.506820",
        "website": "https://www.obsdeglobetrotter.example.nl",
    },
    {
        "brin_code": "18KP",
        "name": "CBS De Regenboog Noord",
        "school_type": "po",
        "region": "techtown",
        "street": "Zaagmolenkade 12",
        "postcode": "3035 KB",
        "city": "Rotterdam",
        "lat": "51.931440",
        "lon": "4.488210",
        "website": "",
    },
    {
        "brin_code": "24HT01",
        "name": "Basisschool Het Palet",
        "school_type": "po",
        "region": "techtown",
        "street": "Lijstersingel 8",
        "postcode": "2902 HN",
        "city": "Capelle aan den IJssel",
        "lat": "51.925770",
        "lon": "4.580420",
        "website": "",
    },
    {
        "brin_code": "02QZ",
        "name": "Maaswijk College",
        "school_type": "vmbo",
        "region": "techtown",
        "street": "Groene Hilledijk 300",
        "postcode": "3075 EA",
        "city": "Rotterdam",
        "lat": "51.889920",
        "lon": "4.513370",
        "website": "https://www.maaswijkcollege.example.nl",
    },
    {
        "brin_code": "16MV00",
        "name": "Techniek College Kralingen",
        "school_type": "vmbo",
        "region": "techtown",
        "street": "Oudedijk 180",
        "postcode": "3061 AN",
        "city": "Rotterdam",
        "lat": "51.922180",
        "lon": "4.510290",
        "website": "",
    },
    {
        "brin_code": "30FG",
        "name": "Praktijkschool De Haven",
        "school_type": "pro",
        "region": "techtown",
        "street": "Waalhaven Oostzijde 10",
        "postcode": "3087 BM",
        "city": "Rotterdam",
        "lat": "51.887660",
        "lon": "4.461930",
        "website": "",
    },
    {
        "brin_code": "25RT",
        "name": "VSO De Brug",
        "school_type": "vso",
        "region": "techtown",
        "street": "Schiedamseweg 55",
        "postcode": "3025 AB",
        "city": "Rotterdam",
        "lat": "51.909460",
        "lon": "4.444120",
        "website": "",
    },
    {
        "brin_code": "11GA",
        "name": "OBS De Merwelanden",
        "school_type": "po",
        "region": "sto-goal",
        "street": "Merwedeweg 4",
        "postcode": "4207 HN",
        "city": "Gorinchem",
        "lat": "51.835210",
        "lon": "4.978530",
        "website": "",
    },
    {
        "brin_code": "13AL",
        "name": "CBS De Wielewaal",
        "school_type": "po",
        "region": "sto-goal",
        "street": "Kerkstraat 20",
        "postcode": "4286 AP",
        "city": "Almkerk",
        "lat": "51.771140",
        "lon": "4.958450",
        "website": "",
    },
    {
        "brin_code": "09LV",
        "name": "Lingecollege Gorinchem",
        "school_type": "vmbo",
        "region": "sto-goal",
        "street": "Spijksedijk 12",
        "postcode": "4207 GN",
        "city": "Gorinchem",
        "lat": "51.843890",
        "lon": "4.987250",
        "website": "",
    },
    {
        "brin_code": "07WK01",
        "name": "Altena Vakcollege Werkendam",
        "school_type": "vmbo",
        "region": "sto-goal",
        "street": "Sasdijk 5",
        "postcode": "4251 AB",
        "city": "Werkendam",
        "lat": "51.810120",
        "lon": "4.894560",
        "website": "",
    },
]

PARTNERS = [
    {
        "slug": "albeda",
        "name": "Albeda",
        "partner_type": "college",
        "region": "techtown",
        "description": "Mbo-college in Rotterdam met opleidingen in techniek, ICT, zorg en logistiek.",
        "offering": "Gastlessen techniek, proeflessen voor vmbo-leerlingen, doorlopende leerlijnen vmbo-mbo.",
        "website": "https://www.albeda.nl",
        "street": "Rosestraat 1101",
        "postcode": "3071 AL",
        "city": "Rotterdam",
        "lat": "51.898310",
        "lon": "4.518460",
    },
    {
        "slug": "zadkine",
        "name": "Zadkine",
        "partner_type": "college",
        "region": "techtown",
        "description": "Mbo-college in Rotterdam met onder meer de Techniek Academie.",
        "offering": "Meeloopdagen, keuzevakken en teach-the-teacher workshops voor vmbo-docenten.",
        "website": "https://www.zadkine.nl",
        "street": "Benthemstraat 2",
        "postcode": "3032 CE",
        "city": "Rotterdam",
        "lat": "51.928570",
        "lon": "4.477930",
    },
    {
        "slug": "da-vinci-college",
        "name": "Da Vinci College",
        "partner_type": "college",
        "region": "sto-goal",
        "description": "Mbo-college voor de Drechtsteden en Gorinchem-Altena.",
        "offering": "Maandelijkse professionaliseringsmomenten voor docenten, praktijklessen en hotspots.",
        "website": "https://www.davinci.nl",
        "street": "Spijksedijk 16",
        "postcode": "4207 GN",
        "city": "Gorinchem",
        "lat": "51.844420",
        "lon": "4.988110",
    },
    {
        "slug": "stedin",
        "name": "Stedin",
        "partner_type": "company",
        "region": "techtown",
        "description": "Netbeheerder voor elektriciteit en gas in de regio Rotterdam.",
        "offering": "Externe keuzevakken, bedrijfsbezoeken en gastlessen over de energietransitie.",
        "website": "https://www.stedin.net",
        "street": "Blaak 8",
        "postcode": "3011 TA",
        "city": "Rotterdam",
        "lat": "51.919640",
        "lon": "4.487730",
    },
    {
        "slug": "slagplug",
        "name": "Slagplug",
        "partner_type": "organisation",
        "region": "techtown",
        "description": "Techniekeducatiebureau dat de lessen in Techniek op Noord verzorgt.",
        "offering": "Technieklessen voor groep 5 tot en met 8, ontwikkeling van leskisten.",
        "website": "",
        "street": "Bergweg 120",
        "postcode": "3036 BC",
        "city": "Rotterdam",
        "lat": "51.935120",
        "lon": "4.474650",
    },
    {
        "slug": "techmission010",
        "name": "TechMission010",
        "partner_type": "organisation",
        "region": "techtown",
        "description": "Rotterdams initiatief op de RDM Campus waar leerlingen technische missies uitvoeren.",
        "offering": "Workshops voor klassen van po en vo in een grote loods op de RDM Campus.",
        "website": "",
        "street": "Heijplaatstraat 23",
        "postcode": "3089 JB",
        "city": "Rotterdam",
        "lat": "51.897010",
        "lon": "4.420270",
    },
    {
        "slug": "spacebuzz",
        "name": "Spacebuzz",
        "partner_type": "organisation",
        "region": "techtown",
        "description": "Educatieve ruimtereis in virtual reality met een voor- en nawerkprogramma.",
        "offering": "Spacebuzz-workshops voor groep 7/8 met lesmateriaal over aarde en klimaat.",
        "website": "https://www.spacebuzz.earth",
        "street": "Wilhelminakade 699",
        "postcode": "3072 AP",
        "city": "Rotterdam",
        "lat": "51.903460",
        "lon": "4.487150",
    },
    {
        "slug": "havenbedrijf-rotterdam",
        "name": "Havenbedrijf Rotterdam",
        "partner_type": "company",
        "region": "techtown",
        "description": "Beheerder van de Rotterdamse haven, werkt aan een duurzame haven met waterstof.",
        "offering": "Havenexcursies, gastlessen over waterstof en logistiek, stageplekken.",
        "website": "https://www.portofrotterdam.com",
        "street": "Wilhelminakade 909",
        "postcode": "3072 AP",
        "city": "Rotterdam",
        "lat": "51.905880",
        "lon": "4.483520",
    },
    {
        "slug": "scheepswerf-merwede",
        "name": "Scheepswerf Merwede",
        "partner_type": "company",
        "region": "sto-goal",
        "description": "Scheepsbouwer in Gorinchem (fictief demobedrijf) met een eigen leerwerkplaats.",
        "offering": "Hotspot lassen en scheepsbouw, bedrijfsbezoeken, BBL-plekken voor mbo-studenten.",
        "website": "",
        "street": "Avelingen-West 20",
        "postcode": "4202 MS",
        "city": "Gorinchem",
        "lat": "51.828560",
        "lon": "4.954210",
    },
    {
        "slug": "agrotech-altena",
        "name": "AgroTech Altena",
        "partner_type": "company",
        "region": "sto-goal",
        "description": "Installatiebedrijf voor kassen en stallen in het Land van Heusden en Altena (fictief).",
        "offering": "Gastlessen over sensoren in de kas, ontdekspot slimme landbouw.",
        "website": "",
        "street": "Industrieweg 14",
        "postcode": "4283 GZ",
        "city": "Giessen",
        "lat": "51.790870",
        "lon": "5.032190",
    },
]

# --- Page tree -------------------------------------------------------------------------------------------

# Main sections under each region's home page: (key, slug, title, intro). show_in_menus is set on all.
SECTIONS = {
    "techtown": {
        "news": ("nieuws", "Nieuws", "Het laatste nieuws over techniekonderwijs in Rotterdam."),
        "techniekhuizen": (
            "techniekhuizen",
            "Techniekhuizen",
            "In de techniekhuizen en de mobiele TechXpress en Techniekbus krijgen basisschoolleerlingen "
            "praktische technieklessen van vmbo-docenten en technici.",
        ),
        "challenges": (
            "challenges",
            "Challenges en wedstrijden",
            "Doe mee aan de Young Solar Challenge, de First Lego League en meer.",
        ),
        "events": (
            "agenda",
            "Agenda",
            "Leernetwerken, masterclasses en netwerkbijeenkomsten voor docenten, decanen en bedrijven.",
        ),
    },
    "sto-goal": {
        "news": ("nieuws", "Nieuws", "Nieuws van STO GOAL Gorinchem-Altena."),
        "techniekhuizen": (
            "techniek-op-locatie",
            "Techniek op locatie",
            "Hotspots, ontdekspots en de techniekbus in Gorinchem en Altena.",
        ),
        "challenges": ("wedstrijden", "Wedstrijden", "De regionale dronerace en andere wedstrijden."),
        "events": ("agenda", "Agenda", "Professionalisering voor docenten en instructeurs in de regio."),
    },
}

DATABANK = {
    "slug": "databank",
    "title": "Databank lesmateriaal",
    "intro": "Kant-en-klare leskisten, werkbladen en praktijkopdrachten voor po, vmbo, pro, vso en mbo, "
    "gedeeld door alle STO-regio's. Zoek op doelgroep, wereld van techniek, thema en lesduur.",
}

STANDARD_PAGES = {
    "techtown": [
        {
            "slug": "over-ons",
            "title": "Over TechTown",
            "menu": True,
            "intro": "TechTown is de STO-regio voor Rotterdam, Capelle aan den IJssel en Oostland.",
            "body": [
                ("heading", "Samen sterk techniekonderwijs"),
                (
                    "paragraph",
                    "<p>In TechTown werken 13 vmbo-scholen, het primair onderwijs, Albeda, Zadkine en het "
                    "bedrijfsleven samen. Jaarlijks krijgen zo'n 16.000 basisschoolleerlingen technieklessen in "
                    "de techniekhuizen, op vmbo-scholen of in de TechXpress.</p>",
                ),
                ("heading", "Onze thema's"),
                (
                    "paragraph",
                    "<p>We werken vanuit vijf thema's: <b>energizing, digitaliseren, vergroenen, bouwen en "
                    "vervoeren</b>. Daarbij hebben we oog voor technisch personeel, genderstereotypen en "
                    "duurzaamheid.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Elk kind in Rotterdam verdient het om techniek met eigen handen te ervaren.",
                        "attribution": "Programmaleider TechTown",
                    },
                ),
            ],
        },
        {
            "slug": "privacyverklaring",
            "title": "Privacyverklaring",
            "menu": False,
            "intro": "Hoe TechTown omgaat met persoonsgegevens van leerkrachten, leerlingen en partners.",
            "body": [
                (
                    "paragraph",
                    "<p>Wij verwerken alleen de gegevens die nodig zijn om lessen te boeken, je aan te melden "
                    "voor bijeenkomsten en nieuwsbrieven te versturen. Van leerlingen slaan we geen "
                    "persoonsgegevens op; we registreren alleen aantallen per groep.</p>",
                ),
                (
                    "paragraph",
                    "<p>Je kunt je gegevens altijd inzien, laten aanpassen of laten verwijderen via "
                    "privacy@techtown.example.nl.</p>",
                ),
            ],
        },
    ],
    "sto-goal": [
        {
            "slug": "over-ons",
            "title": "Over STO GOAL",
            "menu": True,
            "intro": "STO GOAL is het regionale programma Sterk Techniekonderwijs voor Gorinchem en Altena.",
            "body": [
                ("heading", "Zeven programmalijnen"),
                (
                    "paragraph",
                    "<p>Van de basis op orde tot programmeren en computational thinking voor elke leerling: "
                    "STO GOAL werkt in zeven programmalijnen met vmbo-scholen, Da Vinci College, 121 "
                    "basisscholen en het bedrijfsleven.</p>",
                ),
                ("heading", "Hotspots en ontdekspots"),
                (
                    "paragraph",
                    "<p>In acht hotspots krijgen groepen van ongeveer tien leerlingen echt onderwijs op een "
                    "innovatieve werkplek, samen gegeven door een vakdocent en een bedrijfsprofessional.</p>",
                ),
            ],
        },
        {
            "slug": "privacyverklaring",
            "title": "Privacyverklaring",
            "menu": False,
            "intro": "Hoe STO GOAL omgaat met persoonsgegevens.",
            "body": [
                (
                    "paragraph",
                    "<p>STO GOAL verwerkt persoonsgegevens alleen voor aanmeldingen, boekingen en "
                    "nieuwsbrieven, en bewaart ze niet langer dan nodig.</p>",
                ),
            ],
        },
    ],
}

HOME_BODY = {
    "techtown": [
        ("heading", "Techniek beleven in Rotterdam"),
        (
            "paragraph",
            "<p>Boek een techniekles in het Techniekhuis op Zuid, Techniek op Noord of laat de TechXpress "
            "naar je school komen. Zoek lesmateriaal in de databank of meld je aan voor een masterclass.</p>",
        ),
    ],
    "sto-goal": [
        ("heading", "Techniek in Gorinchem-Altena"),
        (
            "paragraph",
            "<p>De techniekbus rijdt langs de basisscholen in Gorinchem en Altena. Vmbo-leerlingen leren "
            "in de hotspots bij bedrijven en docenten professionaliseren samen met Da Vinci College.</p>",
        ),
    ],
}

# --- Techniekhuizen ----------------------------------------------------------------------------------------

TECHNIEKHUIZEN = [
    {
        "region": "techtown",
        "slug": "techniekhuis-op-zuid",
        "title": "Techniekhuis op Zuid",
        "kind": "building",
        "intro": "In het Techniekhuis op Zuid krijgen groepen 5 tot en met 8 uit Rotterdam-Zuid praktische "
        "technieklessen in een echt techniekwerkplaats, gegeven door vmbo-docenten.",
        "body": [
            (
                "paragraph",
                "<p>Het Techniekhuis op Zuid heeft een werkplaats met 3D-printers, een lasersnijder, "
                "werkbanken en een energielab. Klassen komen voor een dagdeel en gaan naar huis met iets "
                "wat ze zelf hebben gemaakt.</p>",
            ),
            (
                "paragraph",
                "<p>Vanaf schooljaar 2026-2027 betalen scholen een eigen bijdrage van 10% per les.</p>",
            ),
        ],
        "contact_name": "Samira El Amrani",
        "email": "techniekhuiszuid@techtown.example.nl",
        "phone": "010 123 45 67",
        "website": "",
        "street": "Slinge 901",
        "postcode": "3086 EZ",
        "city": "Rotterdam",
        "lat": "51.874120",
        "lon": "4.483660",
        "opening_hours": "Lessen op maandag tot en met donderdag, 8.45-11.45 uur en 12.45-14.45 uur.\n"
        "Vrijdag: lessen voor vso en pro op afspraak.",
        "how_to_get_there": "<p>Met de metro (lijn D en E) tot station Slinge, daarna 5 minuten lopen. Er is "
        "parkeerplaats voor een touringcar voor de deur.</p>",
        "service_area": "",
        "groups": ["po-groep-5-6", "po-groep-7-8", "vso", "pro"],
        "kits": [
            "bruggen-bouwen",
            "stroomkring-lampjes",
            "3d-printen-sleutelhanger",
            "warmste-huisje-isoleren",
            "zonne-auto",
        ],
        "photos": [
            ("Werkplaats Techniekhuis op Zuid", "Leerlingen aan de werkbanken in de werkplaats"),
            ("Energielab Techniekhuis op Zuid", "Het energielab met zonnepanelen en windmolens"),
        ],
    },
    {
        "region": "techtown",
        "slug": "techniek-op-noord",
        "title": "Techniek op Noord",
        "kind": "building",
        "intro": "Techniek op Noord is het techniekhuis voor Rotterdam-Noord. De lessen worden verzorgd door "
        "de technici van Slagplug.",
        "body": [
            (
                "paragraph",
                "<p>Bij Techniek op Noord onderzoeken kinderen magneten, bouwen ze robotarmen en "
                "ontwerpen ze windmolens. Elke les sluit aan bij de kerndoelen natuur en techniek.</p>",
            )
        ],
        "contact_name": "Jeroen de Vries",
        "email": "noord@techtown.example.nl",
        "phone": "010 234 56 78",
        "website": "",
        "street": "Bergweg 120",
        "postcode": "3036 BC",
        "city": "Rotterdam",
        "lat": "51.935120",
        "lon": "4.474650",
        "opening_hours": "Dinsdag tot en met vrijdag, 9.00-12.00 uur en 13.00-15.00 uur.",
        "how_to_get_there": "<p>Tram 4 en 8, halte Bergweg. Fietsenstalling aan de achterkant.</p>",
        "service_area": "",
        "groups": ["po-groep-3-4", "po-groep-5-6", "po-groep-7-8"],
        "kits": [
            "magneten-onderzoeken",
            "hydraulische-robotarm",
            "windmolen-ontwerpen",
            "bekertelefoon-geluid",
        ],
        "photos": [
            ("Techniek op Noord lokaal", "Het lokaal van Techniek op Noord met werktafels"),
            ("Robotarmen bij Techniek op Noord", "Zelfgebouwde hydraulische robotarmen"),
        ],
    },
    {
        "region": "techtown",
        "slug": "techxpress",
        "title": "TechXpress",
        "kind": "mobile",
        "intro": "De TechXpress is een vrachtwagen vol techniek die naar de basisschool komt: een compleet "
        "techniekatelier op wielen voor groepen 5 tot en met 8.",
        "body": [
            (
                "paragraph",
                "<p>De TechXpress staat een hele dag op het schoolplein. Vier klassen krijgen "
                "achter elkaar een les van anderhalf uur over programmeren, elektronica of 3D-printen.</p>",
            )
        ],
        "contact_name": "Mustafa Yilmaz",
        "email": "techxpress@techtown.example.nl",
        "phone": "010 345 67 89",
        "website": "",
        "street": "Van Nelleweg 1",
        "postcode": "3044 BC",
        "city": "Rotterdam",
        "lat": "51.925440",
        "lon": "4.432650",
        "opening_hours": "Maandag tot en met donderdag op school, 8.30-15.00 uur. Boeken minimaal 6 weken vooraf.",
        "how_to_get_there": "<p>De TechXpress komt naar je school. Zorg voor een vlakke plek van 15 bij 4 meter "
        "en een stopcontact (230 V).</p>",
        "service_area": "Rotterdam-Centrum, Delfshaven, Kralingen-Crooswijk, Noord, Hillegersberg-Schiebroek, "
        "Overschie, Prins Alexander",
        "groups": ["po-groep-5-6", "po-groep-7-8"],
        "kits": [
            "microbit-stappenteller",
            "3d-printen-sleutelhanger",
            "lego-spike-robotwedstrijd",
            "containerhaven-logistiek",
        ],
        "photos": [
            ("TechXpress op het schoolplein", "De TechXpress-vrachtwagen op een schoolplein"),
            ("Binnen in de TechXpress", "Kinderen programmeren in de TechXpress"),
        ],
    },
    {
        "region": "techtown",
        "slug": "techniekbus",
        "title": "Techniekbus Capelle en Oostland",
        "kind": "mobile",
        "intro": "In Capelle aan den IJssel en Oostland rijdt een techniekbus met vmbo-docenten die "
        "technieklessen verzorgen op de basisschool.",
        "body": [
            (
                "paragraph",
                "<p>De techniekbus brengt alle materialen mee. Vmbo-docenten en vmbo-leerlingen "
                "geven samen les: zo maken basisschoolleerlingen al vroeg kennis met het vmbo.</p>",
            )
        ],
        "contact_name": "Ellen Bakker",
        "email": "techniekbus@techtown.example.nl",
        "phone": "010 456 78 90",
        "website": "",
        "street": "Couwenhoekseweg 2",
        "postcode": "2905 CA",
        "city": "Capelle aan den IJssel",
        "lat": "51.937810",
        "lon": "4.577320",
        "opening_hours": "Dinsdag en donderdag, 8.30-12.00 uur.",
        "how_to_get_there": "<p>De techniekbus komt naar je school; de lessen vinden plaats in het eigen klaslokaal.</p>",
        "service_area": "Capelle aan den IJssel, Lansingerland, Zuidplas",
        "groups": ["po-groep-3-4", "po-groep-5-6", "po-groep-7-8"],
        "kits": ["bee-bot-door-de-stad", "stroomkring-lampjes", "bootjes-die-drijven"],
        "photos": [("Techniekbus Capelle en Oostland", "De techniekbus voor een basisschool in Capelle")],
    },
    {
        "region": "sto-goal",
        "slug": "techniekbus-gorinchem-altena",
        "title": "Techniekbus Gorinchem-Altena",
        "kind": "mobile",
        "intro": "De techniekbus van STO GOAL bezoekt de basisscholen in Gorinchem en Altena met lessen "
        "programmeren, constructies en duurzame energie.",
        "body": [
            (
                "paragraph",
                "<p>Met de techniekbus willen we de 121 basisscholen in de regio toerusten om "
                "zelfstandig techniekonderwijs te geven. Leerkrachten krijgen na de les de leskist te leen.</p>",
            )
        ],
        "contact_name": "Anouk van den Berg",
        "email": "techniekbus@stogoal.example.nl",
        "phone": "0183 12 34 56",
        "website": "",
        "street": "Spijksedijk 16",
        "postcode": "4207 GN",
        "city": "Gorinchem",
        "lat": "51.844420",
        "lon": "4.988110",
        "opening_hours": "Maandag, woensdag en vrijdag, 8.30-14.30 uur.",
        "how_to_get_there": "<p>De techniekbus komt naar je school. Aanmelden via de agenda van STO GOAL.</p>",
        "service_area": "Gorinchem, Altena (Werkendam, Woudrichem, Almkerk, Giessen, Sleeuwijk)",
        "groups": ["po-groep-1-2", "po-groep-3-4", "po-groep-5-6", "po-groep-7-8"],
        "kits": ["rollen-en-rijden-hellingbaan", "kasklimaat-meten", "ontwerpcyclus-schooltas"],
        "photos": [("Techniekbus Gorinchem-Altena", "De techniekbus van STO GOAL")],
    },
    {
        "region": "sto-goal",
        "slug": "hotspot-scheepswerf",
        "title": "Hotspot Scheepsbouw Merwede",
        "kind": "building",
        "intro": "In de hotspot op de scheepswerf leren vmbo-leerlingen lassen en scheepsbouw, samen "
        "gegeven door een vakdocent en een lasser van de werf.",
        "body": [
            (
                "paragraph",
                "<p>De hotspot is echt onderwijs, geen excursie: groepen van ongeveer tien "
                "leerlingen werken zes weken lang een middag per week op de werf.</p>",
            )
        ],
        "contact_name": "Kees Verhoeven",
        "email": "hotspot@stogoal.example.nl",
        "phone": "0183 23 45 67",
        "website": "",
        "street": "Avelingen-West 20",
        "postcode": "4202 MS",
        "city": "Gorinchem",
        "lat": "51.828560",
        "lon": "4.954210",
        "opening_hours": "Woensdagmiddag, 13.00-16.30 uur, in blokken van zes weken.",
        "how_to_get_there": "<p>Bus 387 tot halte Avelingen, of met de fiets langs de Merwede.</p>",
        "service_area": "",
        "groups": ["vmbo-bovenbouw-basis", "vmbo-bovenbouw-kader", "pro"],
        "kits": ["lassen-hotspot-scheepsbouw"],
        "photos": [("Hotspot Scheepsbouw Merwede", "Leerlingen met lashelmen in de werkplaats")],
    },
]

# --- Challenges -----------------------------------------------------------------------------------------------

CHALLENGES = [
    {
        "region": "techtown",
        "slug": "young-solar-challenge-2027",
        "title": "Young Solar Challenge 2027",
        "intro": "Bouw met je klas een zonne-auto en race op het Rotterdamse circuit tegen andere scholen. "
        "Voor groep 7/8 en vmbo onderbouw.",
        "body": [
            (
                "paragraph",
                "<p>De Young Solar Challenge daagt leerlingen uit om een zo snel en mooi mogelijke "
                "zonne-auto te ontwerpen. Elke deelnemende klas krijgt een bouwpakket met zonnepaneel "
                "en motor en een gastles van Stedin.</p>",
            )
        ],
        "groups": ["po-groep-7-8", "vmbo-onderbouw"],
        "partners": ["stedin", "albeda"],
        "registration_deadline": "2027-01-31 23:59",
        "phases": [
            ("Aanmelden", "2026-10-01", "2027-01-31", "Meld je klas aan en ontvang het bouwpakket."),
            ("Gastles en bouwen", "2027-02-01", "2027-04-30", "Gastles van Stedin en bouwen in de klas."),
            ("Voorrondes", "2027-05-10", "2027-05-21", "Testritten op school."),
            ("Finale", "2027-06-09", "2027-06-09", "Regionale finale op de RDM Campus."),
        ],
        "prizes": [
            ("Snelste zonne-auto", "Een bezoek aan het energielab van Stedin voor de hele klas."),
            ("Mooiste ontwerp", "Een 3D-printer voor de school."),
            ("Beste teamwork", "Een dag TechMission010 voor de klas."),
        ],
        "results": "",
    },
    {
        "region": "techtown",
        "slug": "young-solar-challenge-2026",
        "title": "Young Solar Challenge 2026",
        "intro": "Terugblik op de Young Solar Challenge 2026, met 38 klassen uit Rotterdam-Zuid en Noord.",
        "body": [
            (
                "paragraph",
                "<p>Op 10 juni 2026 reden 38 zonne-auto's de finale op de RDM Campus. Het was "
                "zonnig, dus er werden snelheidsrecords gebroken.</p>",
            )
        ],
        "groups": ["po-groep-7-8", "vmbo-onderbouw"],
        "partners": ["stedin", "techmission010"],
        "registration_deadline": "2026-01-31 23:59",
        "phases": [
            ("Aanmelden", "2025-10-01", "2026-01-31", ""),
            ("Bouwen", "2026-02-01", "2026-04-30", ""),
            ("Finale", "2026-06-10", "2026-06-10", "Finale op de RDM Campus."),
        ],
        "prizes": [("Snelste zonne-auto", "Bezoek aan het energielab van Stedin.")],
        "results": "<h3>Uitslag finale 10 juni 2026</h3><ol><li>OBS De Globetrotter, groep 8b: 5 meter in 3,1 "
        "seconden</li><li>Maaswijk College, klas 1C</li><li>CBS De Regenboog Noord, groep 7</li></ol>"
        "<p>De prijs voor het mooiste ontwerp ging naar Basisschool Het Palet met de 'Zonnevis'.</p>",
    },
    {
        "region": "techtown",
        "slug": "first-lego-league-2026-2027",
        "title": "First Lego League 2026-2027",
        "intro": "Teams van 10 tot 16 jaar bouwen en programmeren een LEGO-robot en werken aan een "
        "onderzoeksproject. De regiofinale is in TechTown.",
        "body": [
            (
                "paragraph",
                "<p>Bij de First Lego League tellen robotwedstrijd, onderzoeksproject, "
                "robotontwerp en teamwork allemaal mee. TechTown ondersteunt nieuwe teams met "
                "een leen-set en een coachtraining.</p>",
            )
        ],
        "groups": ["po-groep-7-8", "vmbo-onderbouw"],
        "partners": ["techmission010", "zadkine"],
        "registration_deadline": "2026-10-15 23:59",
        "phases": [
            ("Teams aanmelden", "2026-08-25", "2026-10-15", ""),
            ("Coachtraining", "2026-10-21", "2026-10-21", "Voor nieuwe coaches."),
            ("Regiofinale", "2027-01-23", "2027-01-23", "Regiofinale bij Zadkine."),
            ("Benelux-finale", "2027-03-13", "2027-03-14", ""),
        ],
        "prizes": [
            ("Champion's Award", "Doorstroming naar de Benelux-finale."),
            ("Robot Performance Award", "Voor de hoogste score op de wedstrijdmat."),
        ],
        "results": "",
    },
    {
        "region": "sto-goal",
        "slug": "regionale-dronerace-2027",
        "title": "Regionale dronerace 2027",
        "intro": "Vmbo-teams uit Gorinchem en Altena programmeren en besturen drones door een parcours "
        "met poortjes. Georganiseerd door de docentengroep drones van STO GOAL.",
        "body": [
            (
                "paragraph",
                "<p>Er zijn twee klassen: handmatig vliegen (snelheid) en autonoom vliegen "
                "(programmeren). Elke school mag drie teams inschrijven.</p>",
            )
        ],
        "groups": ["vmbo-onderbouw", "vmbo-bovenbouw-basis", "vmbo-bovenbouw-kader", "pro"],
        "partners": ["da-vinci-college", "scheepswerf-merwede"],
        "registration_deadline": "2027-02-28 23:59",
        "phases": [
            ("Inschrijven", "2026-11-01", "2027-02-28", "Maximaal drie teams per school."),
            ("Trainingsdagen", "2027-03-03", "2027-03-31", "Op woensdagmiddag bij Da Vinci College."),
            ("Dronerace", "2027-04-14", "2027-04-14", "In de sporthal van Gorinchem."),
        ],
        "prizes": [
            ("Snelste team", "Een set racedrones voor de school."),
            ("Beste programmeurs", "Een workshop bij een inspectiebedrijf met drones."),
        ],
        "results": "",
    },
]

# --- Events ------------------------------------------------------------------------------------------------------

EVENTS = [
    {
        "region": "techtown",
        "slug": "leernetwerk-decanen-september-2026",
        "title": "Leernetwerk decanen en mentoren",
        "event_type": "learning_network",
        "audience": "deans_mentors",
        "intro": "Eerste bijeenkomst van het schooljaar: hoe begeleid je leerlingen bij de keuze voor een technisch profiel?",
        "body": "<p>Met presentaties van Albeda over doorstroom naar het technisch mbo en een uitwisseling over "
        "loopbaangesprekken met leerlingen en ouders.</p>",
        "start": "2026-09-24 15:30",
        "end": "2026-09-24 17:30",
        "location_name": "Albeda, Rosestraat",
        "street": "Rosestraat 1101",
        "postcode": "3071 AL",
        "city": "Rotterdam",
        "lat": "51.898310",
        "lon": "4.518460",
        "online_url": "",
        "capacity": 40,
        "organiser": "TechTown Rotterdam",
        "partner": "albeda",
        "themes": ["technisch-personeel"],
    },
    {
        "region": "techtown",
        "slug": "masterclass-microbit-oktober-2026",
        "title": "Masterclass micro:bit voor leerkrachten",
        "event_type": "masterclass",
        "audience": "teachers",
        "intro": "Leer in één middag programmeren met de micro:bit en neem direct bruikbare lessen mee naar je groep.",
        "body": "<p>We werken met de leskisten 'micro:bit stappenteller' en 'Slimme straatverlichting'.</p>",
        "start": "2026-10-14 14:00",
        "end": "2026-10-14 17:00",
        "location_name": "Techniekhuis op Zuid",
        "street": "Slinge 901",
        "postcode": "3086 EZ",
        "city": "Rotterdam",
        "lat": "51.874120",
        "lon": "4.483660",
        "online_url": "",
        "capacity": 20,
        "organiser": "Techniekhuis op Zuid",
        "partner": None,
        "themes": ["microbit-programmeren", "digitaliseren"],
    },
    {
        "region": "techtown",
        "slug": "leernetwerk-decanen-december-2026",
        "title": "Leernetwerk decanen: meiden in de techniek",
        "event_type": "learning_network",
        "audience": "deans_mentors",
        "intro": "Hoe doorbreek je genderstereotypen bij de profielkeuze? Met rolmodellen uit het bedrijfsleven.",
        "body": "<p>Drie jonge technici van Stedin en het Havenbedrijf vertellen over hun keuze. Daarna werken we "
        "aan een aanpak per school.</p>",
        "start": "2026-12-03 15:30",
        "end": "2026-12-03 17:30",
        "location_name": "Maaswijk College",
        "street": "Groene Hilledijk 300",
        "postcode": "3075 EA",
        "city": "Rotterdam",
        "lat": "51.889920",
        "lon": "4.513370",
        "online_url": "",
        "capacity": 40,
        "organiser": "TechTown Rotterdam",
        "partner": None,
        "themes": ["inclusie", "technisch-personeel"],
    },
    {
        "region": "techtown",
        "slug": "netwerkbijeenkomst-bedrijven-docenten-2027",
        "title": "Netwerkbijeenkomst bedrijven en docenten 2027",
        "event_type": "network_meeting",
        "audience": "everyone",
        "intro": "De jaarlijkse netwerkbijeenkomst van TechTown: bedrijven en docenten maken afspraken over "
        "gastlessen, bedrijfsbezoeken en stages.",
        "body": "<p>Met een markt waar bedrijven hun aanbod voor scholen presenteren en een pitch van de "
        "Young Solar Challenge.</p>",
        "start": "2027-01-21 16:00",
        "end": "2027-01-21 19:30",
        "location_name": "RDM Campus",
        "street": "Heijplaatstraat 23",
        "postcode": "3089 JB",
        "city": "Rotterdam",
        "lat": "51.897010",
        "lon": "4.420270",
        "online_url": "",
        "capacity": 150,
        "organiser": "TechTown Rotterdam",
        "partner": "techmission010",
        "themes": ["technisch-personeel", "energizing"],
    },
    {
        "region": "techtown",
        "slug": "teach-the-teacher-3d-printen-2027",
        "title": "Teach-the-teacher: 3D-printen in de klas",
        "event_type": "workshop",
        "audience": "teachers",
        "intro": "Zadkine-docenten leren vmbo- en po-leerkrachten werken met de 3D-printer en Tinkercad.",
        "body": "<p>Na de workshop kun je de leskist '3D-printen: ontwerp je eigen sleutelhanger' zelfstandig geven.</p>",
        "start": "2027-02-10 14:00",
        "end": "2027-02-10 17:00",
        "location_name": "Zadkine Techniek Academie",
        "street": "Benthemstraat 2",
        "postcode": "3032 CE",
        "city": "Rotterdam",
        "lat": "51.928570",
        "lon": "4.477930",
        "online_url": "",
        "capacity": 16,
        "organiser": "Zadkine",
        "partner": "zadkine",
        "themes": ["3d-printen"],
    },
    {
        "region": "techtown",
        "slug": "masterclass-waterstof-online-2027",
        "title": "Online masterclass waterstof",
        "event_type": "masterclass",
        "audience": "teachers",
        "intro": "Een online masterclass van het Havenbedrijf over waterstof in de haven, met lesideeën voor vmbo en mbo.",
        "body": "<p>Je ontvangt de link na aanmelding. De masterclass wordt opgenomen.</p>",
        "start": "2027-03-16 19:30",
        "end": "2027-03-16 21:00",
        "location_name": "",
        "street": "",
        "postcode": "",
        "city": "",
        "lat": None,
        "lon": None,
        "online_url": "https://meet.example.nl/techtown-waterstof",
        "capacity": None,
        "organiser": "Havenbedrijf Rotterdam",
        "partner": "havenbedrijf-rotterdam",
        "themes": ["waterstof", "energizing"],
    },
    {
        "region": "sto-goal",
        "slug": "professionaliseringsmoment-da-vinci-oktober-2026",
        "title": "Professionaliseringsmoment vmbo-mbo: lasrobots",
        "event_type": "masterclass",
        "audience": "teachers",
        "intro": "Maandelijks professionaliseringsmoment bij Da Vinci College, waar vmbo-, mbo- en hbo-docenten kennis delen.",
        "body": "<p>Dit keer: de inzet van lasrobots en cobots in de scheepsbouw.</p>",
        "start": "2026-10-07 15:00",
        "end": "2026-10-07 17:00",
        "location_name": "Da Vinci College Gorinchem",
        "street": "Spijksedijk 16",
        "postcode": "4207 GN",
        "city": "Gorinchem",
        "lat": "51.844420",
        "lon": "4.988110",
        "online_url": "",
        "capacity": 30,
        "organiser": "Da Vinci College",
        "partner": "da-vinci-college",
        "themes": ["robotica", "technisch-personeel"],
    },
    {
        "region": "sto-goal",
        "slug": "leernetwerk-computational-thinking-2027",
        "title": "Leernetwerk computational thinking",
        "event_type": "learning_network",
        "audience": "teachers",
        "intro": "Programmalijn 7: docenten van alle vmbo-profielen delen lessen programmeren en computational thinking.",
        "body": "<p>We bespreken de leerlijn computational thinking en testen de les 'Dronerace-parcours programmeren'.</p>",
        "start": "2027-01-13 15:30",
        "end": "2027-01-13 17:30",
        "location_name": "Lingecollege Gorinchem",
        "street": "Spijksedijk 12",
        "postcode": "4207 GN",
        "city": "Gorinchem",
        "lat": "51.843890",
        "lon": "4.987250",
        "online_url": "",
        "capacity": 25,
        "organiser": "STO GOAL",
        "partner": None,
        "themes": ["computational-thinking", "digitaliseren"],
    },
    {
        "region": "sto-goal",
        "slug": "teach-the-teacher-techniekbus-2027",
        "title": "Teach-the-teacher: lessen uit de techniekbus",
        "event_type": "workshop",
        "audience": "teachers",
        "intro": "Basisschoolleerkrachten leren de lessen uit de techniekbus zelf te geven, met de leskist in de klas.",
        "body": "<p>Voor leerkrachten van groep 1 tot en met 8. Je gaat naar huis met een geleende leskist.</p>",
        "start": "2027-03-10 15:00",
        "end": "2027-03-10 17:00",
        "location_name": "CBS De Wielewaal",
        "street": "Kerkstraat 20",
        "postcode": "4286 AP",
        "city": "Almkerk",
        "lat": "51.771140",
        "lon": "4.958450",
        "online_url": "",
        "capacity": 18,
        "organiser": "STO GOAL",
        "partner": None,
        "themes": ["ontwerpcyclus"],
    },
    {
        "region": "sto-goal",
        "slug": "netwerkbijeenkomst-bedrijven-scholen-2027",
        "title": "Netwerkbijeenkomst bedrijven en scholen Gorinchem-Altena",
        "event_type": "network_meeting",
        "audience": "company_staff",
        "intro": "Bedrijven en scholen evalueren de hotspots en kiezen de nieuwe ontdekspots.",
        "body": "<p>Met een rondleiding door de hotspot Scheepsbouw Merwede.</p>",
        "start": "2027-06-02 16:00",
        "end": "2027-06-02 19:00",
        "location_name": "Scheepswerf Merwede",
        "street": "Avelingen-West 20",
        "postcode": "4202 MS",
        "city": "Gorinchem",
        "lat": "51.828560",
        "lon": "4.954210",
        "online_url": "",
        "capacity": 80,
        "organiser": "STO GOAL",
        "partner": "scheepswerf-merwede",
        "themes": ["technisch-personeel", "inclusie"],
    },
]

# --- News -----------------------------------------------------------------------------------------------------------

# related: (kind, slug) pairs; kind is one of "kit", "event", "challenge", "techniekhuis".
NEWS = [
    {
        "region": "techtown",
        "slug": "16000-leerlingen-krijgen-techniekles",
        "date": "2026-09-01",
        "title": "16.000 leerlingen krijgen dit schooljaar techniekles",
        "intro": "Dankzij de techniekhuizen, de TechXpress en 13 vmbo-scholen krijgen dit schooljaar 16.000 "
        "Rotterdamse basisschoolleerlingen technieklessen.",
        "body": "<p>Het nieuwe schooljaar is begonnen en de roosters van de techniekhuizen zitten vol. Vanaf dit "
        "schooljaar betalen scholen een eigen bijdrage van 10% per les.</p>",
        "tags": ["techniekhuizen", "schooljaar 2026-2027"],
        "related": [("techniekhuis", "techniekhuis-op-zuid")],
    },
    {
        "region": "techtown",
        "slug": "techxpress-rijdt-weer",
        "date": "2026-09-15",
        "title": "De TechXpress rijdt weer",
        "intro": "Na een opknapbeurt in de zomer staat de TechXpress weer op de schoolpleinen, nu met een extra 3D-printhoek.",
        "body": "<p>In de vernieuwde TechXpress kunnen vier leerlingen tegelijk 3D-printen. De eerste school die "
        "werd bezocht was OBS De Globetrotter.</p>",
        "tags": ["TechXpress", "3D-printen"],
        "related": [("techniekhuis", "techxpress"), ("kit", "3d-printen-sleutelhanger")],
    },
    {
        "region": "techtown",
        "slug": "inschrijving-young-solar-challenge-open",
        "date": "2026-10-01",
        "title": "Inschrijving Young Solar Challenge 2027 geopend",
        "intro": "Klassen uit groep 7/8 en de vmbo-onderbouw kunnen zich vanaf vandaag aanmelden voor de Young Solar Challenge.",
        "body": "<p>Aanmelden kan tot en met 31 januari 2027. Elke klas krijgt een bouwpakket en een gastles van Stedin.</p>",
        "tags": ["Young Solar Challenge", "duurzame energie"],
        "related": [("challenge", "young-solar-challenge-2027"), ("kit", "zonne-auto")],
    },
    {
        "region": "techtown",
        "slug": "nieuwe-leskisten-in-de-databank",
        "date": "2026-10-20",
        "title": "Nieuwe leskisten in de databank",
        "intro": "De databank is uitgebreid met leskisten over waterstof, hartslag meten en slimme straatverlichting.",
        "body": "<p>Alle leskisten bevatten een lesplan, een docentenhandleiding en werkbladen om te downloaden. "
        "Ze zijn gemaakt door docenten en partners uit de regio.</p>",
        "tags": ["databank", "lesmateriaal"],
        "related": [
            ("kit", "waterstof-rijden-op-water"),
            ("kit", "hartslag-meten-sensor"),
            ("kit", "slimme-straatverlichting"),
        ],
    },
    {
        "region": "techtown",
        "slug": "spacebuzz-workshops-gestart",
        "date": "2026-10-28",
        "title": "Eerste Spacebuzz-workshops van start",
        "intro": "De eerste van twintig Spacebuzz-workshops is gegeven. Leerlingen maakten in virtual reality een reis om de aarde.",
        "body": "<p>Met de voorbereidende les 'De aarde vanuit de ruimte' weten leerlingen precies wat ze gaan zien.</p>",
        "tags": ["Spacebuzz", "klimaat"],
        "related": [("kit", "aarde-vanuit-de-ruimte")],
    },
    {
        "region": "techtown",
        "slug": "first-lego-league-teams-bekend",
        "date": "2026-10-16",
        "title": "Recordaantal teams voor de First Lego League",
        "intro": "Maar liefst 24 teams uit TechTown doen dit jaar mee aan de First Lego League.",
        "body": "<p>De regiofinale is op 23 januari 2027 bij Zadkine. Nieuwe teams kregen een leen-set van TechTown.</p>",
        "tags": ["First Lego League", "robotica"],
        "related": [("challenge", "first-lego-league-2026-2027")],
    },
    {
        "region": "techtown",
        "slug": "meiden-in-de-techniek-leernetwerk",
        "date": "2026-11-10",
        "title": "Leernetwerk over meiden in de techniek",
        "intro": "Op 3 december gaan decanen en mentoren in gesprek over genderstereotypen bij de profielkeuze.",
        "body": "<p>Rolmodellen van Stedin en het Havenbedrijf vertellen waarom zij voor techniek kozen. Aanmelden "
        "kan via de agenda.</p>",
        "tags": ["inclusie", "leernetwerk"],
        "related": [("event", "leernetwerk-decanen-december-2026")],
    },
    {
        "region": "techtown",
        "slug": "netwerkbijeenkomst-2027-aangekondigd",
        "date": "2026-11-20",
        "title": "Save the date: netwerkbijeenkomst bedrijven en docenten",
        "intro": "Op 21 januari 2027 komen bedrijven en docenten samen op de RDM Campus.",
        "body": "<p>Bedrijven die gastlessen of bedrijfsbezoeken willen aanbieden kunnen een marktkraam reserveren.</p>",
        "tags": ["netwerk", "bedrijven"],
        "related": [("event", "netwerkbijeenkomst-bedrijven-docenten-2027")],
    },
    {
        "region": "sto-goal",
        "slug": "techniekbus-bezoekt-altena",
        "date": "2026-09-08",
        "title": "Techniekbus bezoekt alle scholen in Altena",
        "intro": "Dit schooljaar bezoekt de techniekbus alle basisscholen in Altena minstens één keer.",
        "body": "<p>De eerste halte was CBS De Wielewaal in Almkerk, waar groep 5/6 een minikas bouwde.</p>",
        "tags": ["techniekbus", "primair onderwijs"],
        "related": [("techniekhuis", "techniekbus-gorinchem-altena"), ("kit", "kasklimaat-meten")],
    },
    {
        "region": "sto-goal",
        "slug": "hotspot-scheepsbouw-derde-jaar",
        "date": "2026-09-22",
        "title": "Hotspot Scheepsbouw gaat het derde jaar in",
        "intro": "De hotspot op de scheepswerf is een succes: dit jaar doen er vijf groepen vmbo-leerlingen mee.",
        "body": "<p>Voor het eerst doet ook een groep uit het praktijkonderwijs mee. Een derde van de deelnemers is meisje.</p>",
        "tags": ["hotspots", "scheepsbouw"],
        "related": [("techniekhuis", "hotspot-scheepswerf"), ("kit", "lassen-hotspot-scheepsbouw")],
    },
    {
        "region": "sto-goal",
        "slug": "professionaliseren-met-da-vinci",
        "date": "2026-10-09",
        "title": "Docenten leren over lasrobots bij Da Vinci College",
        "intro": "Dertig docenten uit vmbo, mbo en hbo bezochten het professionaliseringsmoment over lasrobots.",
        "body": "<p>Het volgende professionaliseringsmoment gaat over duurzame installatietechniek.</p>",
        "tags": ["professionalisering", "robotica"],
        "related": [("event", "professionaliseringsmoment-da-vinci-oktober-2026")],
    },
    {
        "region": "sto-goal",
        "slug": "inschrijving-dronerace-open",
        "date": "2026-11-02",
        "title": "Inschrijving regionale dronerace geopend",
        "intro": "Vmbo-scholen kunnen tot 28 februari drie teams inschrijven voor de dronerace van 14 april 2027.",
        "body": "<p>Nieuw dit jaar is de klasse autonoom vliegen, waarin teams hun drone programmeren.</p>",
        "tags": ["dronerace", "drones"],
        "related": [("challenge", "regionale-dronerace-2027"), ("kit", "dronerace-parcours-programmeren")],
    },
    {
        "region": "sto-goal",
        "slug": "zes-nieuwe-ontdekspots",
        "date": "2026-10-26",
        "title": "Zes nieuwe ontdekspots in de regio",
        "intro": "Naast de acht hotspots komen er zes ontdekspots waar basisschoolleerlingen techniek ontdekken bij bedrijven.",
        "body": "<p>De eerste ontdekspot opent bij AgroTech Altena, met een kas vol sensoren.</p>",
        "tags": ["ontdekspots", "bedrijven"],
        "related": [("kit", "microbit-plantenwachter")],
    },
    {
        "region": "sto-goal",
        "slug": "computational-thinking-in-alle-profielen",
        "date": "2026-11-16",
        "title": "Computational thinking in alle vmbo-profielen",
        "intro": "Programmalijn 7 wil dat elke vmbo-leerling leert programmeren, ook in zorg en economie.",
        "body": "<p>Het leernetwerk computational thinking start op 13 januari 2027 in het Lingecollege.</p>",
        "tags": ["computational thinking", "programmeren"],
        "related": [("event", "leernetwerk-computational-thinking-2027")],
    },
    {
        "region": "sto-goal",
        "slug": "leerkrachten-aan-de-slag-met-leskisten",
        "date": "2026-11-19",
        "title": "Leerkrachten zelf aan de slag met leskisten",
        "intro": "Na de les in de techniekbus kunnen leerkrachten de leskist lenen en de les zelf herhalen.",
        "body": "<p>Tijdens de teach-the-teacher workshop in maart leer je hoe.</p>",
        "tags": ["leskisten", "primair onderwijs"],
        "related": [("event", "teach-the-teacher-techniekbus-2027"), ("kit", "ontwerpcyclus-schooltas")],
    },
    {
        "region": "sto-goal",
        "slug": "terugblik-techniekweek-gorinchem",
        "date": "2026-10-12",
        "title": "Terugblik: Techniekweek Gorinchem",
        "intro": "Tijdens de Techniekweek bezochten 600 leerlingen bedrijven in Gorinchem en Altena.",
        "body": "<p>Leerlingen lasten, programmeerden drones en bouwden bootjes op de Merwede.</p>",
        "tags": ["techniekweek", "bedrijven"],
        "related": [("kit", "bootjes-die-drijven")],
    },
]

# --- Accounts ------------------------------------------------------------------------------------------------------

# Demo accounts: only created when settings.DEMO_ACCOUNTS_ENABLED is true. Passwords are public demo values.
DEMO_ACCOUNTS = [
    {
        "username": "beheer",
        "password": "beheer-demo-2026",
        "email": "beheer@example.nl",
        "first_name": "Demo",
        "last_name": "Beheerder",
        "superuser": True,
        "role": "superuser",
    },
    {
        "username": "redacteur",
        "password": "redacteur-demo-2026",
        "email": "redacteur@example.nl",
        "first_name": "Demo",
        "last_name": "Redacteur",
        "superuser": False,
        "role": "Communicatie",
    },
    {
        "username": "eindredacteur",
        "password": "eindredacteur-demo-2026",
        "email": "eindredacteur@example.nl",
        "first_name": "Demo",
        "last_name": "Eindredacteur",
        "superuser": False,
        "role": "Eindredactie",
    },
    {
        "username": "databankredacteur",
        "password": "databank-demo-2026",
        "email": "databank@example.nl",
        "first_name": "Demo",
        "last_name": "Databankredacteur",
        "superuser": False,
        "role": "Databank-redactie",
    },
    {
        "username": "coordinator",
        "password": "coordinator-demo-2026",
        "email": "coordinator@example.nl",
        "first_name": "Demo",
        "last_name": "Coördinator",
        "superuser": False,
        "role": "Techniekhuis-coördinator (Techniekhuis op Zuid)",
    },
]

#: The techniekhuis the demo coordinator runs; its lessons need the coordinator's approval.
DEMO_COORDINATED_HOUSE = "techniekhuis-op-zuid"

#: Booking requests waiting for the demo coordinator: (school BRIN, contact, group, pupils).
DEMO_BOOKING_REQUESTS = [
    ("18KP", "Juf Anna de Vries", 6, 26),
    ("21XA", "Meester Piet Jansen", 5, 24),
]


# --- Bookable lessons (cms.bookings) ----------------------------------------------------------

#: (school year starting in, own contribution %): free now, 10% from 2026-2027 (seed 004).
OWN_CONTRIBUTION = [(2025, "0"), (2026, "10")]

LESSON_OFFERINGS = {
    "techniekhuis-op-zuid": [
        {
            "title": "Bruggen bouwen en testen",
            "description": "Leerlingen ontwerpen in tweetallen een brug van papier en karton en testen "
            "hoeveel gewicht hij draagt. Gegeven door vmbo-docenten in de werkplaats.",
            "location_kind": "techniekhuis",
            "minutes": 150,
            "max_pupils": 30,
            "price": "180.00",
            "groups": ["po-groep-5-6"],
            "classes": 2,
            "slots_per_day": 2,
        },
        {
            "title": "Zonne-auto bouwen in het energielab",
            "description": "Een auto op zonne-energie bouwen, meten hoeveel stroom een zonnepaneel geeft "
            "en een race houden op de testbaan.",
            "location_kind": "techniekhuis",
            "minutes": 150,
            "max_pupils": 30,
            "price": "180.00",
            "groups": ["po-groep-7-8"],
            "classes": 1,
            "slots_per_day": 2,
        },
    ],
    "techniek-op-noord": [
        {
            "title": "Stroomkringen en lampjes",
            "description": "Met batterijen, draadjes en lampjes ontdekken hoe een stroomkring werkt, "
            "en een eigen zaklamp maken.",
            "location_kind": "techniekhuis",
            "minutes": 120,
            "max_pupils": 28,
            "price": "150.00",
            "groups": ["po-groep-5-6", "po-groep-7-8"],
            "classes": 1,
            "slots_per_day": 2,
        },
    ],
    "techxpress": [
        {
            "title": "TechXpress op het schoolplein",
            "description": "De TechXpress-truck komt naar je school: een ochtend programmeren, solderen "
            "en 3D-printen in de rijdende werkplaats.",
            "location_kind": "primary_school",
            "minutes": 180,
            "max_pupils": 30,
            "price": "250.00",
            "groups": ["po-groep-7-8"],
            "classes": 1,
            "slots_per_day": 1,
        },
    ],
    "techniekbus": [
        {
            "title": "Techniekbus op bezoek",
            "description": "De Techniekbus staat een dagdeel bij je school met bouwpakketten, "
            "gereedschap en een technicus die meehelpt.",
            "location_kind": "primary_school",
            "minutes": 120,
            "max_pupils": 30,
            "price": "200.00",
            "groups": ["po-groep-5-6", "po-groep-7-8"],
            "classes": 1,
            "slots_per_day": 2,
        },
    ],
}


# --- Mailing lists and a newsletter (cms.newsletters) -----------------------------------------

MAILING_LISTS = [
    ("basisonderwijs", "Basisonderwijs", "Voor leerkrachten en directies van basisscholen."),
    ("vmbo", "Vmbo", "Voor docenten en decanen in het vmbo."),
    ("partners", "Bedrijven en partners", "Voor bedrijven, mbo-instellingen en andere partners."),
    ("ouders", "Ouders", "Voor ouders die willen weten wat er aan techniek te beleven is."),
]

NEWSLETTER_ARCHIVE_INTRO = (
    "Elke maand het nieuws uit de regio: nieuwe leskisten, activiteiten en challenges. "
    "Hieronder staan alle verschenen nieuwsbrieven."
)

NEWSLETTER = {
    "slug": "nieuwsbrief-december",
    "title": "Nieuwsbrief december",
    "subject": "Nieuwe leskisten, de Young Solar Challenge en masterclasses",
    "preheader": "Wat er deze maand aan techniek te beleven is in de regio.",
    "segments": ["basisonderwijs", "vmbo"],
    "body": [
        (
            "intro",
            "Beste lezer, in deze nieuwsbrief de nieuwste leskisten in de databank, de inschrijving "
            "voor de Young Solar Challenge en de masterclasses van dit voorjaar.",
        ),
        ("latest_news", {"heading": "Nieuws", "count": 3}),
        ("new_in_databank", {"heading": "Nieuw in de databank", "count": 3}),
        ("upcoming_events", {"heading": "Agenda", "count": 3}),
        ("call_to_action", {"text": "Zoek lesmateriaal in de databank", "page": "databank", "url": ""}),
    ],
}
