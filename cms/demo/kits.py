"""The demo lesson kits ("leskisten") for the shared databank, as plain data.

Each kit: classification by slug (target groups, worlds, themes), SLO core-goal numbers, practical data,
materials as (name, quantity, consumable), steps as (title, minutes, instructions), and the texts the
generated PDFs are made of (background, tips, worksheet questions). Worksheets use distinctive words
(e.g. "kompasnaald") so document search can be tested against them.
"""

PO_12, PO_34, PO_56, PO_78 = "po-groep-1-2", "po-groep-3-4", "po-groep-5-6", "po-groep-7-8"
VMBO_OB = "vmbo-onderbouw"
VMBO_BB, VMBO_KB = "vmbo-bovenbouw-basis", "vmbo-bovenbouw-kader"
VMBO_GL, VMBO_TL = "vmbo-bovenbouw-gemengd", "vmbo-bovenbouw-theoretisch"
PRO, VSO, MBO = "pro", "vso", "mbo"

BOUWEN, ENERGIE, ICT = "bouwen-wonen", "energie", "ict-communicatie"
MOBILITEIT, ZORG, GROEN, MAKEN = "mobiliteit-transport", "gezondheid-zorg", "voeding-groen", "productie-maken"

CC_BY_SA, CC_BY, CC_BY_NC_SA, CC0, ARR = (
    "cc-by-sa-4.0",
    "cc-by-4.0",
    "cc-by-nc-sa-4.0",
    "cc0-1.0",
    "all-rights-reserved",
)

KITS = [
    {
        "slug": "bruggen-bouwen",
        "title": "Bruggen bouwen van papier",
        "summary": "Leerlingen ontdekken hoe je met alleen papier en plakband een brug bouwt die een zak "
        "knikkers kan dragen. Ze onderzoeken welke vormen het sterkst zijn: de driehoek wint.",
        "goals": [
            "Je kunt uitleggen waarom een driehoek een sterke vorm is.",
            "Je kunt een vakwerkbrug ontwerpen, bouwen en testen.",
            "Je kunt met je groepje een ontwerp verbeteren na een test.",
        ],
        "groups": [PO_56, PO_78],
        "worlds": [BOUWEN],
        "themes": ["constructies", "bouwen", "ontwerpcyclus"],
        "core_goals": [44, 45],
        "duration": 90,
        "preparation": 20,
        "group": (2, 4),
        "materials": [
            ("A4-papier", "20 vel per groepje", True),
            ("Plakband", "1 rol per groepje", True),
            ("Knikkers", "50 stuks", False),
            ("Twee tafels of stapels boeken", "per groepje", False),
        ],
        "steps": [
            (
                "Introductie: bruggen in Rotterdam",
                10,
                "Bekijk foto's van de Erasmusbrug en de Willemsbrug. Welke vormen zie je?",
            ),
            (
                "Sterke vormen onderzoeken",
                20,
                "Vouw papier tot een koker, een driehoek en een plat vel en test welke het meeste draagt.",
            ),
            (
                "Ontwerpen en bouwen",
                40,
                "Teken een vakwerkbrug over een overspanning van 30 cm en bouw hem met papier en plakband.",
            ),
            (
                "Testen en presenteren",
                20,
                "Leg knikkers in een bekertje op de brug. Welke brug draagt het meest? Waarom?",
            ),
        ],
        "licence": CC_BY_SA,
        "author": "Techniekhuis op Zuid",
        "partner": None,
        "region": "techtown",
        "tags": ["bruggen", "constructies", "knikkers"],
        "background": "Een brug moet zijn eigen gewicht en de belasting dragen. Bij een vakwerkbrug worden "
        "krachten via driehoeken verdeeld over trek- en drukstaven. Een driehoek kan niet vervormen zonder "
        "dat een zijde langer of korter wordt; een vierkant wel. Daarom zie je driehoeken in spoorbruggen, "
        "hijskranen en hoogspanningsmasten.",
        "tips": [
            "Laat groepjes eerst schetsen voordat ze bouwen.",
            "Beperk het plakband tot één meter per groepje: dat dwingt tot slim ontwerpen.",
        ],
        "worksheet": [
            "Teken de sterkste vorm die je hebt gevonden. Hoe heet deze vorm?",
            "Hoeveel knikkers droeg jullie vakwerkbrug? Hoeveel droeg de brug van een ander groepje?",
            "Waar zit de trekkracht en waar de drukkracht in jullie brug?",
        ],
    },
    {
        "slug": "spaghettitoren",
        "title": "De hoogste spaghettitoren",
        "summary": "In teams bouwen leerlingen met droge spaghetti en marshmallows een zo hoog mogelijke "
        "toren die stabiel blijft staan. Een snelle ontwerpuitdaging over stabiliteit en samenwerken.",
        "goals": [
            "Je kunt uitleggen wat een stabiele constructie is.",
            "Je werkt samen volgens de ontwerpcyclus.",
        ],
        "groups": [PO_78, VMBO_OB],
        "worlds": [BOUWEN, MAKEN],
        "themes": ["constructies", "ontwerpcyclus"],
        "core_goals": [45],
        "duration": 50,
        "preparation": 10,
        "group": (3, 4),
        "materials": [
            ("Droge spaghetti", "1 pak per groepje", True),
            ("Marshmallows", "1 zak per groepje", True),
            ("Rolmaat", "1 per groepje", False),
        ],
        "steps": [
            ("Uitdaging uitleggen", 5, "De toren moet minimaal 1 minuut zelfstandig blijven staan."),
            ("Plannen", 10, "Maak een schets: waar komen de driehoeken en hoe breed wordt de voet?"),
            ("Bouwen", 25, "Bouw de toren. Na 15 minuten mag elk team één keer bij een ander kijken."),
            ("Meten en evalueren", 10, "Meet de hoogte en bespreek waarom torens omvielen."),
        ],
        "licence": CC_BY,
        "author": "Lerarenteam Maaswijk College",
        "partner": None,
        "region": "techtown",
        "tags": ["constructies", "teamwork", "ontwerpuitdaging"],
        "background": "Hoe lager het zwaartepunt en hoe breder de voet, hoe stabieler een toren. Marshmallows "
        "werken als verbindingen (knooppunten) en spaghetti als staven. Bouwkundigen gebruiken dezelfde "
        "principes bij hoogbouw zoals De Rotterdam en de Euromast.",
        "tips": ["Houd een zichtbare timer bij.", "Laat teams benoemen wie welke rol heeft."],
        "worksheet": [
            "Hoe hoog werd jullie spaghettitoren in centimeters?",
            "Waar lag het zwaartepunt van jullie toren? Teken het.",
            "Wat zou je bij een volgende poging anders doen aan de voet?",
        ],
    },
    {
        "slug": "zonne-auto",
        "title": "Zonne-auto bouwen",
        "summary": "Leerlingen bouwen een kleine auto die rijdt op een zonnepaneel en een elektromotor, "
        "en testen hem op het schoolplein. Een voorbereiding op de Young Solar Challenge.",
        "goals": [
            "Je kunt uitleggen hoe een zonnepaneel licht omzet in elektrische energie.",
            "Je kunt een werkende stroomkring met zonnepaneel en motor bouwen.",
            "Je kunt de overbrenging van motor naar wiel verbeteren.",
        ],
        "groups": [PO_78, VMBO_OB],
        "worlds": [ENERGIE, MOBILITEIT],
        "themes": ["duurzame-energie", "energizing", "vervoeren", "ontwerpcyclus"],
        "core_goals": [42, 45],
        "duration": 150,
        "preparation": 45,
        "group": (2, 3),
        "materials": [
            ("Zonnepaneel 2 V", "1 per groepje", False),
            ("Elektromotortje met tandwiel", "1 per groepje", False),
            ("Wielen en assen", "4 wielen per groepje", False),
            ("Karton en lijmstift", "per groepje", True),
            ("Tie-wraps", "10 per groepje", True),
        ],
        "steps": [
            (
                "Hoe werkt een zonnepaneel?",
                15,
                "Meet met een multimeter de spanning van het zonnepaneel in de zon en in de schaduw.",
            ),
            ("Chassis bouwen", 45, "Bouw een licht chassis van karton en bevestig de assen en wielen."),
            (
                "Aandrijving maken",
                40,
                "Sluit de motor aan op het zonnepaneel en verbind het tandwiel met de as.",
            ),
            ("Testrit", 30, "Laat de zonne-auto 5 meter rijden en meet de tijd met een stopwatch."),
            ("Verbeteren", 20, "Kies één verbetering: lichter, andere overbrenging of een schuiner paneel."),
        ],
        "licence": CC_BY_SA,
        "author": "TechTown Rotterdam",
        "partner": "stedin",
        "region": "techtown",
        "tags": ["zonne-energie", "young solar challenge", "auto"],
        "background": "Een zonnecel bestaat uit silicium. Licht maakt elektronen los die als stroom door de "
        "kring gaan. Hoe loodrechter het licht op het paneel valt, hoe meer stroom. De overbrenging tussen "
        "motor en wiel bepaalt of de auto snel optrekt of een hoge eindsnelheid haalt.",
        "tips": [
            "Test op een zonnige dag of gebruik een bouwlamp van 400 watt.",
            "Laat leerlingen de auto eerst met een batterij testen voordat het zonnepaneel erop gaat.",
        ],
        "worksheet": [
            "Welke spanning meet je in de volle zon? En in de schaduw?",
            "Hoeveel seconden deed jullie zonne-auto over 5 meter? Bereken de snelheid.",
            "Waarom maakt de hoek van het zonnepaneel verschil?",
        ],
    },
    {
        "slug": "windmolen-ontwerpen",
        "title": "Windmolen ontwerpen",
        "summary": "Met een ventilator als wind ontwerpen leerlingen wieken die een kleine dynamo zo snel "
        "mogelijk laten draaien. Ze meten hoeveel energie hun windmolen opwekt.",
        "goals": [
            "Je kunt uitleggen hoe een windmolen wind omzet in elektriciteit.",
            "Je kunt onderzoeken hoe de vorm en het aantal wieken de opbrengst beïnvloeden.",
        ],
        "groups": [PO_56, PO_78],
        "worlds": [ENERGIE],
        "themes": ["duurzame-energie", "vergroenen", "energizing"],
        "core_goals": [42, 43, 45],
        "duration": 90,
        "preparation": 30,
        "group": (2, 4),
        "materials": [
            ("Ventilator", "1 per klas", False),
            ("Dynamo met ledje", "1 per groepje", False),
            ("Karton, satéprikkers en kurken", "per groepje", True),
            ("Windmeter", "1 per klas", False),
        ],
        "steps": [
            (
                "Windmolens in de haven",
                10,
                "Bekijk de windturbines op de Maasvlakte: hoe groot is een rotorblad?",
            ),
            ("Wieken ontwerpen", 30, "Ontwerp wieken van karton. Varieer het aantal wieken en de hoek."),
            ("Meten", 30, "Zet de ventilator op 1 meter en kijk hoe fel het ledje brandt."),
            ("Conclusie", 20, "Welk ontwerp wekt het meeste op? Vergelijk met echte windturbines."),
        ],
        "licence": CC_BY_SA,
        "author": "Slagplug",
        "partner": "slagplug",
        "region": "techtown",
        "tags": ["windenergie", "windmolen", "meten"],
        "background": "Wind duwt tegen de wieken, die onder een hoek staan. Daardoor gaat de rotor draaien en "
        "zet een generator de beweging om in elektriciteit. Moderne windturbines hebben drie lange, smalle "
        "rotorbladen: een goed compromis tussen toerental en kracht.",
        "tips": ["Markeer de afstand tot de ventilator met tape zodat elke meting eerlijk is."],
        "worksheet": [
            "Hoeveel wieken had je beste windmolen?",
            "Onder welke hoek stonden de wieken?",
            "Waarom staan er veel windmolens op zee en langs de kust?",
        ],
    },
    {
        "slug": "magneten-onderzoeken",
        "title": "Magneten onderzoeken",
        "summary": "Leerlingen onderzoeken welke materialen magnetisch zijn, ontdekken de noordpool en "
        "zuidpool van een magneet en maken zelf een kompas van een naald en een kurk.",
        "goals": [
            "Je kunt voorspellen en testen welke voorwerpen door een magneet worden aangetrokken.",
            "Je weet dat gelijke polen elkaar afstoten en ongelijke polen elkaar aantrekken.",
            "Je kunt een eenvoudig kompas maken.",
        ],
        "groups": [PO_34, PO_56],
        "worlds": [MOBILITEIT, MAKEN],
        "themes": ["magnetisme"],
        "core_goals": [42, 46],
        "duration": 45,
        "preparation": 15,
        "group": (2, 3),
        "materials": [
            ("Staafmagneten", "2 per groepje", False),
            ("Naalden", "1 per groepje", True),
            ("Kurk en bakje water", "per groepje", False),
            ("Sorteerbak met voorwerpen", "1 per groepje", False),
        ],
        "steps": [
            (
                "Voorspellen",
                10,
                "Leg voorwerpen in twee stapels: magnetisch of niet? Schrijf je voorspelling op.",
            ),
            ("Testen", 10, "Test met de magneet en vergelijk met je voorspelling."),
            ("Polen ontdekken", 10, "Wat gebeurt er als je twee noordpolen naar elkaar toe duwt?"),
            (
                "Kompas maken",
                15,
                "Strijk een naald 30 keer langs de magneet, leg hem op een kurk in water en kijk waar hij naar wijst.",
            ),
        ],
        "licence": CC_BY_SA,
        "author": "Techniek op Noord",
        "partner": "slagplug",
        "region": "techtown",
        "tags": ["magneten", "kompas", "onderzoeken"],
        "background": "Alleen ijzer, nikkel en kobalt (en staal) worden door een magneet aangetrokken. Een "
        "naald die je langs een magneet strijkt wordt zelf een zwakke magneet. Op een kurk in water kan de "
        "kompasnaald vrij draaien en richt zich naar het magnetisch veld van de aarde: één punt wijst naar "
        "het noorden. Zo navigeerden zeelieden al eeuwen.",
        "tips": [
            "Houd magneten uit de buurt van telefoons en bankpassen.",
            "Laat kinderen eerst zelf voorspellen; fouten in voorspellingen zijn het gesprek waard.",
        ],
        "worksheet": [
            "Welke voorwerpen werden aangetrokken? Van welk materiaal zijn ze gemaakt?",
            "Wat gebeurt er als je twee zuidpolen tegen elkaar houdt?",
            "Naar welke kant wijst de kompasnaald op de kurk? Waarom denk je dat?",
        ],
    },
    {
        "slug": "stroomkring-lampjes",
        "title": "Stroomkring met lampjes",
        "summary": "Leerlingen bouwen een gesloten stroomkring met batterij, lampje en schakelaar, "
        "onderzoeken serie- en parallelschakelingen en testen welke materialen stroom geleiden.",
        "goals": [
            "Je kunt een gesloten stroomkring bouwen en tekenen.",
            "Je kunt geleiders en isolatoren onderscheiden.",
            "Je kunt het verschil uitleggen tussen een serieschakeling en een parallelschakeling.",
        ],
        "groups": [PO_56, PO_78, VSO],
        "worlds": [ENERGIE, BOUWEN],
        "themes": ["elektronica", "energizing"],
        "core_goals": [42, 44],
        "duration": 55,
        "preparation": 15,
        "group": (2, 2),
        "materials": [
            ("Batterij 4,5 V", "1 per tweetal", True),
            ("Lampjes met fitting", "3 per tweetal", False),
            ("Snoertjes met krokodillenklemmen", "6 per tweetal", False),
            ("Drukschakelaar", "1 per tweetal", False),
        ],
        "steps": [
            ("Lampje laten branden", 10, "Laat het lampje branden met één batterij en twee snoertjes."),
            (
                "Geleider of isolator?",
                15,
                "Test metaal, hout, plastic, een potlood en aluminiumfolie in de kring.",
            ),
            ("Schakelaar toevoegen", 10, "Bouw een schakelaar in. Teken de kring met de juiste symbolen."),
            ("Serie en parallel", 20, "Sluit twee lampjes achter elkaar en naast elkaar aan. Wat valt op?"),
        ],
        "licence": CC_BY_SA,
        "author": "Techniekhuis op Zuid",
        "partner": None,
        "region": "techtown",
        "tags": ["elektriciteit", "stroomkring", "schakelingen"],
        "background": "Stroom loopt alleen als de kring gesloten is. Metalen zijn goede geleiders; plastic, "
        "hout en rubber zijn isolatoren. Het grafiet in een potlood geleidt een beetje. In een "
        "serieschakeling delen de lampjes de spanning en branden ze zwakker; parallel branden ze even fel.",
        "tips": [
            "Gebruik nooit stopcontacten; 4,5 volt is veilig.",
            "Haal lege batterijen direct uit de kist.",
        ],
        "worksheet": [
            "Teken jouw stroomkring met schakelaar met de juiste symbolen.",
            "Welke materialen zijn een geleider en welke een isolator?",
            "Branden twee lampjes in serie feller of zwakker dan in parallel?",
        ],
    },
    {
        "slug": "microbit-stappenteller",
        "title": "micro:bit stappenteller",
        "summary": "Leerlingen programmeren een BBC micro:bit als stappenteller met de ingebouwde "
        "versnellingsmeter en testen hem tijdens een wandeling over het schoolplein.",
        "goals": [
            "Je kunt een programma maken met een variabele en een gebeurtenis.",
            "Je kunt uitleggen hoe een versnellingsmeter beweging meet.",
            "Je kunt je programma testen en verbeteren.",
        ],
        "groups": [PO_78, VMBO_OB],
        "worlds": [ICT, ZORG],
        "themes": ["microbit-programmeren", "digitaliseren", "computational-thinking"],
        "core_goals": [44, 45],
        "duration": 50,
        "preparation": 20,
        "group": (1, 2),
        "materials": [
            ("BBC micro:bit met batterijhouder", "1 per tweetal", False),
            ("AAA-batterijen", "2 per tweetal", True),
            ("Laptop of Chromebook", "1 per tweetal", False),
        ],
        "steps": [
            (
                "Wat meet een micro:bit?",
                10,
                "Bekijk de sensoren op de micro:bit: knoppen, licht, temperatuur, versnellingsmeter.",
            ),
            (
                "Programmeren in MakeCode",
                20,
                "Maak een variabele 'stappen' die bij 'schudden' met 1 omhoog gaat en toon hem op het display.",
            ),
            ("Testen", 10, "Loop 20 stappen. Klopt de telling? Pas zo nodig de gevoeligheid aan."),
            ("Uitbreiden", 10, "Laat de micro:bit een hartje tonen bij 100 stappen."),
        ],
        "licence": CC_BY_SA,
        "author": "TechTown Rotterdam",
        "partner": None,
        "region": "techtown",
        "tags": ["micro:bit", "programmeren", "sensoren"],
        "background": "De versnellingsmeter in de micro:bit meet versnelling in drie richtingen. Bij elke stap "
        "schokt de micro:bit even; MakeCode herkent dat als de gebeurtenis 'schudden'. Echte "
        "stappentellers en smartwatches gebruiken dezelfde sensor met slimmere algoritmes.",
        "tips": [
            "Bewaar de programma's in de browser of laat leerlingen ze downloaden.",
            "Laat snelle leerlingen een reset met knop A toevoegen.",
        ],
        "worksheet": [
            "Welk blok gebruik je om de versnellingsmeter uit te lezen?",
            "Hoeveel stappen telde jouw stappenteller bij 20 echte stappen?",
            "Wat zou je moeten veranderen zodat springen niet als stap telt?",
        ],
    },
    {
        "slug": "microbit-plantenwachter",
        "title": "micro:bit plantenwachter",
        "summary": "Leerlingen bouwen met een micro:bit en twee spijkers een bodemvochtmeter die "
        "waarschuwt als een plant water nodig heeft: een kennismaking met slimme landbouw.",
        "goals": [
            "Je kunt een analoge sensorwaarde uitlezen en gebruiken in een als-dan-keuze.",
            "Je kunt uitleggen hoe sensoren in de kassenbouw worden gebruikt.",
        ],
        "groups": [VMBO_OB, VMBO_BB, PRO],
        "worlds": [GROEN, ICT],
        "themes": ["microbit-programmeren", "vergroenen", "duurzaamheid", "elektronica"],
        "core_goals": [40, 45],
        "duration": 90,
        "preparation": 30,
        "group": (2, 2),
        "materials": [
            ("BBC micro:bit", "1 per tweetal", False),
            ("Verzinkte spijkers", "2 per tweetal", True),
            ("Krokodillenklemmen", "2 per tweetal", False),
            ("Potplant met potgrond", "1 per tweetal", True),
        ],
        "steps": [
            ("Kassen in Altena", 15, "Bekijk hoe tuinders in Altena met sensoren water geven."),
            ("Sensor bouwen", 20, "Steek twee spijkers in de potgrond en verbind ze met pin 0 en 3V."),
            (
                "Programmeren",
                30,
                "Lees pin 0 analoog uit en toon een druppel als de bodemvochtigheid onder de 400 komt.",
            ),
            ("Kalibreren en testen", 25, "Meet droge en natte grond en kies een goede grenswaarde."),
        ],
        "licence": CC_BY_SA,
        "author": "Altena Vakcollege Werkendam",
        "partner": "agrotech-altena",
        "region": "sto-goal",
        "tags": ["micro:bit", "sensoren", "kas", "slimme landbouw"],
        "background": "Natte grond geleidt beter dan droge grond. Door een kleine spanning over twee spijkers "
        "te zetten, kan de micro:bit meten hoeveel stroom er loopt: een maat voor de bodemvochtigheid. "
        "Kassen in het Land van Heusden en Altena gebruiken professionele varianten van deze sensor.",
        "tips": [
            "Spijkers roesten: vervang ze na elke les.",
            "Laat leerlingen meetwaarden in een tabel noteren.",
        ],
        "worksheet": [
            "Welke waarde meet je in droge grond? En in natte grond?",
            "Welke grenswaarde heb je gekozen voor de bodemvochtigheid en waarom?",
            "Noem twee andere sensoren die een tuinder in de kas kan gebruiken.",
        ],
    },
    {
        "slug": "3d-printen-sleutelhanger",
        "title": "3D-printen: ontwerp je eigen sleutelhanger",
        "summary": "Leerlingen ontwerpen in Tinkercad een persoonlijke sleutelhanger, leren over "
        "printtijd en filament, en printen hun ontwerp op de 3D-printer van het techniekhuis.",
        "goals": [
            "Je kunt in Tinkercad vormen samenvoegen en uitsparen.",
            "Je kunt rekening houden met afmetingen in millimeters.",
            "Je weet hoe een 3D-printer laag voor laag een voorwerp opbouwt.",
        ],
        "groups": [PO_78, VMBO_OB, PRO],
        "worlds": [MAKEN],
        "themes": ["3d-printen", "ontwerpcyclus", "digitaliseren"],
        "core_goals": [44, 45],
        "duration": 100,
        "preparation": 45,
        "group": (1, 2),
        "materials": [
            ("3D-printer", "1 per klas", False),
            ("PLA-filament", "1 rol", True),
            ("Laptops met Tinkercad-account", "1 per leerling", False),
            ("Schuifmaat", "2 per klas", False),
        ],
        "steps": [
            (
                "Hoe werkt een 3D-printer?",
                15,
                "Bekijk een printer aan het werk. Wat gebeurt er met het filament?",
            ),
            ("Schetsen", 15, "Schets je sleutelhanger op ruitjespapier: maximaal 50 bij 30 millimeter."),
            (
                "Ontwerpen in Tinkercad",
                50,
                "Bouw het ontwerp met basisvormen, voeg tekst toe en maak een gat voor de ring.",
            ),
            (
                "Exporteren en printen",
                20,
                "Exporteer als STL en bekijk in de slicer hoe lang het printen duurt.",
            ),
        ],
        "licence": CC_BY_SA,
        "author": "Techniekhuis op Zuid",
        "partner": None,
        "region": "techtown",
        "tags": ["3D-printen", "Tinkercad", "ontwerpen"],
        "background": "Een 3D-printer smelt PLA-filament en legt het laag voor laag neer, vaak 0,2 millimeter "
        "per laag. De slicer-software rekent het ontwerp om naar lagen en bepaalt de printtijd. Dunne "
        "onderdelen onder 1,5 millimeter breken snel af.",
        "tips": [
            "Print de sleutelhangers na de les; een klas van 28 kost ongeveer 6 uur printtijd.",
            "Laat leerlingen hun naam op de onderkant zetten.",
        ],
        "worksheet": [
            "Hoe dik is één laag filament in jouw print?",
            "Hoe lang duurt het printen volgens de slicer?",
            "Waarom moet het gat voor de sleutelring minimaal 4 millimeter zijn?",
        ],
    },
    {
        "slug": "lasersnijden-naambordje",
        "title": "Lasersnijden: een naambordje voor de klas",
        "summary": "Leerlingen maken een vectorontwerp van een naambordje, leren het verschil tussen "
        "snijden en graveren en produceren het bordje op de lasersnijder.",
        "goals": [
            "Je kunt een vectorbestand maken met snij- en graveerlijnen.",
            "Je kent de veiligheidsregels bij de lasersnijder.",
            "Je kunt een werkvoorbereiding maken voor een productieproces.",
        ],
        "groups": [VMBO_KB, VMBO_GL, PRO],
        "worlds": [MAKEN, BOUWEN],
        "themes": ["lasersnijden", "ontwerpcyclus", "technisch-personeel"],
        "core_goals": [45],
        "duration": 150,
        "preparation": 40,
        "group": (1, 1),
        "materials": [
            ("Lasersnijder", "1 per lokaal", False),
            ("Populierenmultiplex 3 mm", "1 plaat per leerling", True),
            ("Laptop met Inkscape", "1 per leerling", False),
            ("Schuurpapier", "1 vel per leerling", True),
        ],
        "steps": [
            (
                "Veiligheid",
                15,
                "Bespreek de regels: nooit weglopen bij een lopende laser, afzuiging aan, deksel dicht.",
            ),
            (
                "Vectorontwerp",
                60,
                "Ontwerp in Inkscape een naambordje van 150 x 60 mm; rode lijnen snijden, zwarte vlakken graveren.",
            ),
            ("Werkvoorbereiding", 20, "Kies vermogen en snelheid uit de materiaaltabel en noteer ze."),
            ("Snijden", 40, "Snijd het bordje onder begeleiding en schuur de randen."),
            ("Beoordelen", 15, "Beoordeel elkaars bordjes op maatvoering en afwerking."),
        ],
        "licence": CC_BY_NC_SA,
        "author": "Lerarenteam Techniek College Kralingen",
        "partner": "zadkine",
        "region": "techtown",
        "tags": ["lasersnijden", "Inkscape", "PIE", "BWI"],
        "background": "Een lasersnijder volgt de lijnen van een vectorbestand. Dunne lijnen worden gesneden, "
        "gevulde vlakken worden gegraveerd. Populierenmultiplex van 3 millimeter snijdt schoon bij laag "
        "vermogen. Dit sluit aan bij de profielen PIE en BWI.",
        "tips": [
            "Controleer elk bestand voordat het naar de lasersnijder gaat.",
            "Bewaar een brandblusdeken bij de machine.",
        ],
        "worksheet": [
            "Welke kleur heeft een snijlijn in jullie vectorbestand en welke een graveervlak?",
            "Welk vermogen en welke snelheid heb je gebruikt voor populierenmultiplex?",
            "Noem drie veiligheidsregels bij de lasersnijder.",
        ],
    },
    {
        "slug": "robotje-spelen-unplugged",
        "title": "Robotje spelen (unplugged)",
        "summary": "Zonder computer leren kleuters programmeren: het ene kind is de robot, het andere "
        "geeft opdrachten met pijlkaartjes over een vloerkleed met vakken.",
        "goals": [
            "Je kunt een reeks opdrachten in de goede volgorde leggen.",
            "Je kunt een fout in de opdrachten vinden en verbeteren.",
        ],
        "groups": [PO_12, PO_34],
        "worlds": [ICT],
        "themes": ["computational-thinking", "digitaliseren"],
        "core_goals": [45],
        "duration": 25,
        "preparation": 10,
        "group": (2, 4),
        "materials": [
            ("Pijlkaartjes", "1 set per tweetal", False),
            ("Vloerkleed of tape-raster", "1 per klas", False),
            ("Knuffels als doel", "3 stuks", False),
        ],
        "steps": [
            ("Voordoen", 5, "De leerkracht is de robot en voert de pijlkaartjes van een kind precies uit."),
            (
                "Programmeren in tweetallen",
                15,
                "Leg een route met pijlkaartjes naar de knuffel en laat de robot lopen.",
            ),
            ("Foutjes zoeken", 5, "Liep de robot verkeerd? Zoek samen welk kaartje fout lag."),
        ],
        "licence": CC0,
        "author": "OBS De Globetrotter",
        "partner": None,
        "region": "techtown",
        "tags": ["unplugged", "programmeren", "kleuters"],
        "background": "Computational thinking begint met het opdelen van een probleem in kleine stappen en het "
        "exact opvolgen van instructies. Een robot doet precies wat er staat, ook als dat fout is. Het "
        "zoeken naar het verkeerde kaartje is de eerste vorm van debuggen.",
        "tips": ["Begin met routes van maximaal vier pijlkaartjes.", "Laat de robot piepen bij een fout."],
        "worksheet": [
            "Teken de pijlkaartjes van jouw route naar de knuffel.",
            "Omcirkel het kaartje dat fout was.",
            "Hoeveel pijlkaartjes had je nodig?",
        ],
    },
    {
        "slug": "bee-bot-door-de-stad",
        "title": "Bee-Bot door de stad",
        "summary": "Leerlingen programmeren een Bee-Bot over een plattegrond van Rotterdam naar de "
        "haven, het station en de brug, en bedenken zelf de kortste route.",
        "goals": [
            "Je kunt een Bee-Bot programmeren met vooruit, achteruit en draaien.",
            "Je kunt een route plannen op een plattegrond.",
        ],
        "groups": [PO_12, PO_34],
        "worlds": [ICT, MOBILITEIT],
        "themes": ["computational-thinking", "vervoeren"],
        "core_goals": [45],
        "duration": 40,
        "preparation": 15,
        "group": (3, 4),
        "materials": [
            ("Bee-Bot", "1 per groepje", False),
            ("Plattegrondmat Rotterdam", "1 per groepje", False),
            ("Opdrachtkaarten", "1 set", False),
        ],
        "steps": [
            ("Kennismaken met de Bee-Bot", 10, "Welke knoppen heeft de Bee-Bot? Probeer één stap vooruit."),
            ("Route naar de haven", 15, "Programmeer de Bee-Bot van school naar de haven."),
            ("Kortste route", 15, "Wie vindt de route met de minste stappen naar het station?"),
        ],
        "licence": CC_BY_SA,
        "author": "CBS De Regenboog Noord",
        "partner": None,
        "region": "techtown",
        "tags": ["Bee-Bot", "robot", "plattegrond"],
        "background": "De Bee-Bot is een vloerrobot die stappen van 15 centimeter zet. Kinderen leren zo "
        "algoritmisch denken: een reeks opdrachten vooraf bedenken en daarna uitvoeren. De plattegrond "
        "koppelt het programmeren aan mobiliteit in de eigen stad.",
        "tips": [
            "Druk vóór elke nieuwe route op de wisknop (X).",
            "Laat kinderen de stappen eerst tellen met hun vinger.",
        ],
        "worksheet": [
            "Hoeveel stappen zette de Bee-Bot naar de haven?",
            "Teken de kortste route naar het station op de plattegrond.",
            "Welke knop gebruik je om te draaien?",
        ],
    },
    {
        "slug": "ontwerpcyclus-schooltas",
        "title": "De ontwerpcyclus: de ideale schooltas",
        "summary": "Leerlingen doorlopen alle stappen van de ontwerpcyclus om een schooltas te ontwerpen "
        "voor een klasgenoot met een specifieke wens, zoals een rolstoel of een zware gymtas.",
        "goals": [
            "Je kunt de stappen van de ontwerpcyclus benoemen en toepassen.",
            "Je kunt een programma van eisen opstellen samen met een gebruiker.",
            "Je kunt een prototype testen en evalueren.",
        ],
        "groups": [PO_56, VSO],
        "worlds": [MAKEN, ZORG],
        "themes": ["ontwerpcyclus", "inclusie"],
        "core_goals": [44, 45],
        "duration": 110,
        "preparation": 25,
        "group": (2, 3),
        "materials": [
            ("Karton en stof", "per groepje", True),
            ("Touw en klittenband", "per groepje", True),
            ("Schaar en lijmpistool", "per groepje", False),
        ],
        "steps": [
            ("Probleem verkennen", 15, "Interview een klasgenoot: wat is lastig aan je schooltas?"),
            ("Programma van eisen", 15, "Schrijf vijf eisen op waaraan de tas moet voldoen."),
            ("Ideeën schetsen", 20, "Schets drie verschillende oplossingen en kies de beste."),
            ("Prototype maken", 40, "Maak een prototype op schaal van karton en stof."),
            ("Testen en evalueren", 20, "Laat de gebruiker het prototype testen. Voldoet het aan de eisen?"),
        ],
        "licence": CC_BY_SA,
        "author": "STO GOAL Gorinchem-Altena",
        "partner": None,
        "region": "sto-goal",
        "tags": ["ontwerpcyclus", "prototype", "inclusief ontwerpen"],
        "background": "De ontwerpcyclus heeft zeven stappen: probleem verkennen, programma van eisen, ideeën "
        "bedenken, kiezen, maken, testen en evalueren. Door voor een echte gebruiker te ontwerpen leren "
        "leerlingen dat goede techniek rekening houdt met verschillen tussen mensen.",
        "tips": [
            "Laat de eisen meetbaar formuleren (bijvoorbeeld: draagt 5 kilo).",
            "Hang de ontwerpcyclus zichtbaar in de klas.",
        ],
        "worksheet": [
            "Schrijf het programma van eisen voor jullie schooltas op.",
            "Welke drie ideeën hadden jullie en waarom kozen jullie er één?",
            "Wat vond de gebruiker van het prototype?",
        ],
    },
    {
        "slug": "waterstof-rijden-op-water",
        "title": "Waterstof: rijden op water?",
        "summary": "Met een elektrolyse-set maken leerlingen waterstof uit water en laten ze een "
        "modelauto rijden op een brandstofcel. Ze onderzoeken de rol van waterstof in de Rotterdamse haven.",
        "goals": [
            "Je kunt uitleggen hoe elektrolyse water splitst in waterstof en zuurstof.",
            "Je kunt de werking van een brandstofcel beschrijven.",
            "Je kunt voor- en nadelen van groene waterstof afwegen.",
        ],
        "groups": [VMBO_KB, VMBO_TL, MBO],
        "worlds": [ENERGIE, MOBILITEIT],
        "themes": ["waterstof", "duurzame-energie", "energizing", "vervoeren"],
        "core_goals": [42],
        "duration": 100,
        "preparation": 40,
        "group": (2, 4),
        "materials": [
            ("Elektrolyse-set met brandstofcel", "1 per groepje", False),
            ("Gedemineraliseerd water", "1 liter per groepje", True),
            ("Zonnepaneel", "1 per groepje", False),
            ("Veiligheidsbril", "1 per leerling", False),
        ],
        "steps": [
            (
                "Waterstof in de haven",
                15,
                "Bekijk hoe het Havenbedrijf Rotterdam werkt aan een waterstofnetwerk.",
            ),
            ("Elektrolyse", 30, "Laat het zonnepaneel stroom leveren en vang waterstof en zuurstof op."),
            ("Brandstofcel", 30, "Sluit de brandstofcel aan op de modelauto en meet hoe ver hij rijdt."),
            (
                "Debat",
                25,
                "Is waterstof de brandstof van de toekomst? Verdeel de klas in voor- en tegenstanders.",
            ),
        ],
        "licence": CC_BY,
        "author": "Havenbedrijf Rotterdam",
        "partner": "havenbedrijf-rotterdam",
        "region": "techtown",
        "tags": ["waterstof", "energietransitie", "haven"],
        "background": "Bij elektrolyse splitst stroom water in twee delen waterstof en één deel zuurstof. In "
        "een brandstofcel gebeurt het omgekeerde: waterstof en zuurstof reageren tot water en er komt "
        "elektriciteit vrij. Groene waterstof wordt gemaakt met stroom uit zon of wind.",
        "tips": [
            "Houd open vuur uit de buurt van de opgevangen waterstof.",
            "Gebruik alleen gedemineraliseerd water.",
        ],
        "worksheet": [
            "Hoeveel milliliter waterstof en zuurstof ving je op? Wat valt op aan de verhouding?",
            "Leg in eigen woorden uit wat een brandstofcel doet.",
            "Noem één voordeel en één nadeel van groene waterstof.",
        ],
    },
    {
        "slug": "hydraulische-robotarm",
        "title": "Hydraulische robotarm",
        "summary": "Leerlingen bouwen een grijpende robotarm van hout en karton die beweegt met "
        "injectiespuiten gevuld met water: een kennismaking met hydrauliek en robotica.",
        "goals": [
            "Je kunt uitleggen hoe een hydraulisch systeem kracht overbrengt.",
            "Je kunt nauwkeurig meten, zagen en monteren.",
            "Je kunt een robotarm laten draaien, heffen en grijpen.",
        ],
        "groups": [PO_78, VMBO_OB, VSO],
        "worlds": [MAKEN, ZORG],
        "themes": ["robotica", "constructies"],
        "core_goals": [44, 45],
        "duration": 180,
        "preparation": 60,
        "group": (2, 2),
        "materials": [
            ("Bouwpakket robotarm (hout)", "1 per tweetal", True),
            ("Injectiespuiten 10 ml", "8 per tweetal", False),
            ("Slangetjes", "4 per tweetal", True),
            ("Figuurzaag en lijm", "per tweetal", False),
        ],
        "steps": [
            ("Robots in de zorg en fabriek", 20, "Bekijk robotarmen in een fabriek en in een operatiekamer."),
            ("Zagen en bouwen", 90, "Bouw de basis, de arm en de grijper volgens de bouwtekening."),
            ("Hydrauliek aansluiten", 40, "Vul de injectiespuiten met water en verbind ze met slangetjes."),
            ("Opdracht", 30, "Verplaats drie dopjes van de ene naar de andere bak binnen twee minuten."),
        ],
        "licence": CC_BY_SA,
        "author": "Techniek op Noord",
        "partner": "slagplug",
        "region": "techtown",
        "tags": ["robotarm", "hydrauliek", "robotica"],
        "background": "Water laat zich nauwelijks samenpersen. Duw je op een injectiespuit, dan beweegt de "
        "zuiger van de andere spuit mee: zo breng je kracht over via een slang. Graafmachines en "
        "kranen werken op dezelfde manier, met olie in plaats van water.",
        "tips": [
            "Verdeel de bouw over twee lessen van 90 minuten.",
            "Laat luchtbellen uit de slangetjes verwijderen.",
        ],
        "worksheet": [
            "Wat gebeurt er als er lucht in de injectiespuit zit?",
            "Welke machines gebruiken hydrauliek? Noem er drie.",
            "Hoeveel dopjes verplaatste jullie robotarm in twee minuten?",
        ],
    },
    {
        "slug": "drones-vliegschool",
        "title": "Drones: de vliegschool",
        "summary": "Leerlingen leren veilig vliegen met een minidrone, ontdekken hoe propellers en een "
        "gyroscoop de drone stabiel houden en verkennen beroepen waarin drones worden ingezet.",
        "goals": [
            "Je kunt uitleggen hoe een drone stijgt, daalt en draait.",
            "Je kent de regels voor veilig dronevliegen.",
            "Je kunt drie beroepen noemen waarin drones worden gebruikt.",
        ],
        "groups": [VMBO_GL, VMBO_TL, MBO],
        "worlds": [MOBILITEIT],
        "themes": ["drones", "technisch-personeel"],
        "core_goals": [42],
        "duration": 90,
        "preparation": 30,
        "group": (2, 3),
        "materials": [
            ("Minidrone met beschermringen", "1 per groepje", False),
            ("Accu's", "3 per drone", False),
            ("Pionnen en hoepels", "1 set", False),
        ],
        "steps": [
            ("Hoe vliegt een drone?", 15, "Twee propellers draaien linksom, twee rechtsom. Waarom?"),
            ("Regels en veiligheid", 10, "Bespreek de regels: nooit boven mensen, altijd zicht op de drone."),
            (
                "Vliegoefeningen",
                45,
                "Oefen opstijgen, zweven, landen in de hoepel en een rondje om de pionnen.",
            ),
            (
                "Drones in beroepen",
                20,
                "Zoek uit hoe drones worden gebruikt bij inspectie van dijken en schepen.",
            ),
        ],
        "licence": CC_BY_SA,
        "author": "Lingecollege Gorinchem",
        "partner": "da-vinci-college",
        "region": "sto-goal",
        "tags": ["drones", "vliegen", "beroepen"],
        "background": "Een quadcopter heeft vier propellers. Door de snelheid van de propellers te variëren "
        "stijgt, daalt, kantelt of draait de drone. Een gyroscoop en versnellingsmeter houden de drone "
        "stabiel. Drones worden ingezet voor inspectie van dijken, windturbines en scheepsrompen.",
        "tips": [
            "Vlieg in de gymzaal met gesloten ramen.",
            "Laad accu's vooraf op; een accu gaat ongeveer zes minuten mee.",
        ],
        "worksheet": [
            "Waarom draaien niet alle propellers dezelfde kant op?",
            "Wat doet de gyroscoop in een drone?",
            "Noem drie beroepen waarin drones worden gebruikt.",
        ],
    },
    {
        "slug": "dronerace-parcours-programmeren",
        "title": "Dronerace-parcours programmeren",
        "summary": "Leerlingen programmeren een drone om zelfstandig een parcours met poortjes te vliegen, "
        "als voorbereiding op de regionale dronerace van STO GOAL.",
        "goals": [
            "Je kunt een reeks vliegcommando's programmeren met blokken.",
            "Je kunt afstanden en hoeken meten en omzetten in code.",
            "Je kunt je programma stap voor stap debuggen.",
        ],
        "groups": [VMBO_BB, VMBO_KB],
        "worlds": [MOBILITEIT, ICT],
        "themes": ["drones", "computational-thinking"],
        "core_goals": [45],
        "duration": 75,
        "preparation": 30,
        "group": (2, 3),
        "materials": [
            ("Programmeerbare drone", "1 per groepje", False),
            ("Tablet met programmeerapp", "1 per groepje", False),
            ("Racepoortjes", "4 per parcours", False),
            ("Afplaktape", "1 rol", True),
        ],
        "steps": [
            ("Parcours opmeten", 15, "Meet de afstanden tussen de poortjes en teken het parcours op schaal."),
            (
                "Programmeren",
                30,
                "Zet de vliegcommando's (stijg, vlieg vooruit 150 cm, draai 90 graden) in de juiste volgorde.",
            ),
            ("Testvlucht en debuggen", 20, "Vlieg het parcours en pas de code aan waar de drone afwijkt."),
            ("Tijdrace", 10, "Welk team vliegt foutloos in de snelste tijd?"),
        ],
        "licence": CC_BY_SA,
        "author": "Docententeam dronerace STO GOAL",
        "partner": None,
        "region": "sto-goal",
        "tags": ["drones", "programmeren", "dronerace"],
        "background": "Programmeerbare drones gebruiken een optische sensor om hun positie boven de vloer te "
        "bepalen. Kleine meetfouten stapelen zich op; daarom is testen en bijstellen (debuggen) de kern "
        "van deze les.",
        "tips": ["Zorg voor een effen, lichte vloer: de positiesensor heeft contrast nodig."],
        "worksheet": [
            "Teken jullie parcours op schaal 1:50.",
            "Schrijf de vliegcommando's van jullie programma op.",
            "Waar week de drone af en hoe hebben jullie dat opgelost?",
        ],
    },
    {
        "slug": "kasklimaat-meten",
        "title": "Het kasklimaat meten",
        "summary": "Leerlingen bouwen een minikas van een plastic fles, meten temperatuur en "
        "luchtvochtigheid binnen en buiten en ontdekken waarom tuinders in kassen telen.",
        "goals": [
            "Je kunt temperatuur en luchtvochtigheid meten en vergelijken.",
            "Je kunt uitleggen waarom planten in een kas sneller groeien.",
        ],
        "groups": [PO_56, PO_78],
        "worlds": [GROEN],
        "themes": ["vergroenen", "duurzaamheid"],
        "core_goals": [40, 43],
        "duration": 45,
        "preparation": 20,
        "group": (2, 4),
        "materials": [
            ("Lege petfles 1,5 liter", "1 per groepje", True),
            ("Thermometer", "2 per groepje", False),
            ("Hygrometer", "1 per groepje", False),
            ("Tuinkerszaad en watten", "per groepje", True),
        ],
        "steps": [
            (
                "Kassen in Nederland",
                10,
                "Waarom heeft Nederland zoveel kassen? Bekijk een luchtfoto van het Westland.",
            ),
            (
                "Minikas bouwen",
                15,
                "Knip de fles door, zaai tuinkers op natte watten en zet de bovenkant erop.",
            ),
            ("Meten", 10, "Meet temperatuur en luchtvochtigheid in en naast de minikas."),
            ("Een week volgen", 10, "Spreek af wie dagelijks meet en de groei noteert."),
        ],
        "licence": CC_BY_SA,
        "author": "CBS De Wielewaal",
        "partner": "agrotech-altena",
        "region": "sto-goal",
        "tags": ["kas", "planten", "meten", "klimaat"],
        "background": "Zonlicht gaat door het plastic en verwarmt de lucht in de kas; die warmte ontsnapt "
        "maar langzaam. Daardoor is het kasklimaat warmer en vochtiger dan buiten. Tuinders regelen "
        "temperatuur, licht en luchtvochtigheid met computers.",
        "tips": ["Zet een kas en een open bakje naast elkaar als vergelijking."],
        "worksheet": [
            "Wat is de temperatuur in de minikas en ernaast?",
            "Hoe hoog is de luchtvochtigheid in de kas?",
            "Na hoeveel dagen zag je de eerste tuinkers? In de kas en daarbuiten?",
        ],
    },
    {
        "slug": "water-zuiveren",
        "title": "Water zuiveren met een filter",
        "summary": "Leerlingen maken vies water weer helder met een zelfgebouwd zandfilter van grind, "
        "zand en actieve kool, en leren hoe drinkwater wordt gemaakt.",
        "goals": [
            "Je kunt een filter bouwen met lagen van verschillende korrelgrootte.",
            "Je kunt uitleggen waarom gefilterd water nog niet drinkbaar is.",
        ],
        "groups": [PO_56, PRO],
        "worlds": [GROEN, ZORG],
        "themes": ["duurzaamheid", "vergroenen"],
        "core_goals": [42, 44],
        "duration": 55,
        "preparation": 20,
        "group": (2, 3),
        "materials": [
            ("Petfles met dop", "1 per groepje", True),
            ("Grind, zand en actieve kool", "per groepje", True),
            ("Koffiefilter", "2 per groepje", True),
            ("Modderwater", "1 liter per groepje", True),
        ],
        "steps": [
            (
                "Waar komt ons drinkwater vandaan?",
                10,
                "Van de Maas naar de kraan: bekijk de stappen van de drinkwaterzuivering.",
            ),
            (
                "Filter bouwen",
                20,
                "Knip de fles open en vul hem met koffiefilter, actieve kool, zand en grind.",
            ),
            ("Filteren", 15, "Giet het modderwater erdoor en vergelijk de helderheid."),
            ("Nabespreken", 10, "Waarom mag je dit water toch niet drinken?"),
        ],
        "licence": CC_BY,
        "author": "Praktijkschool De Haven",
        "partner": None,
        "region": "techtown",
        "tags": ["water", "filter", "drinkwater"],
        "background": "Een zandfilter houdt deeltjes tegen: grind de grove, zand de fijne. Actieve kool bindt "
        "geur- en kleurstoffen. Bacteriën en virussen gaan er wel doorheen; drinkwaterbedrijven "
        "gebruiken daarom ook uv-licht of ozon.",
        "tips": ["Zeg duidelijk dat niemand het gefilterde water mag drinken."],
        "worksheet": [
            "In welke volgorde heb je de lagen in je zandfilter gelegd?",
            "Wat doet de actieve kool?",
            "Waarom is helder water nog niet altijd veilig?",
        ],
    },
    {
        "slug": "hartslag-meten-sensor",
        "title": "Hartslag meten met een sensor",
        "summary": "Leerlingen sluiten een hartslagsensor aan op een microcontroller, meten hun hartslag "
        "in rust en na inspanning en maken een grafiek: medische techniek in de klas.",
        "goals": [
            "Je kunt een sensor aansluiten en de meetwaarden uitlezen.",
            "Je kunt meetgegevens verwerken in een grafiek.",
            "Je kunt uitleggen hoe medische apparatuur de hartslag meet.",
        ],
        "groups": [VMBO_GL, VMBO_TL, MBO],
        "worlds": [ZORG, ICT],
        "themes": ["elektronica", "digitaliseren"],
        "core_goals": [41, 42],
        "duration": 90,
        "preparation": 30,
        "group": (2, 2),
        "materials": [
            ("Microcontroller (micro:bit of Arduino)", "1 per tweetal", False),
            ("Optische hartslagsensor", "1 per tweetal", False),
            ("Jumperdraden", "3 per tweetal", True),
        ],
        "steps": [
            ("Medische techniek", 15, "Bekijk een hartmonitor in het ziekenhuis. Wat meet hij?"),
            (
                "Sensor aansluiten",
                25,
                "Sluit de hartslagsensor aan en lees de waarde uit via de seriële monitor.",
            ),
            ("Meten", 30, "Meet je hartslag in rust, na 20 kniebuigingen en na twee minuten herstel."),
            (
                "Grafiek maken",
                20,
                "Verwerk de metingen in een grafiek en vergelijk met de handmatige polsslag.",
            ),
        ],
        "licence": CC_BY_SA,
        "author": "Albeda Zorgtechniek",
        "partner": "albeda",
        "region": "techtown",
        "tags": ["zorgtechniek", "sensoren", "hartslag"],
        "background": "Een optische hartslagsensor schijnt groen licht in de huid en meet hoeveel licht "
        "terugkaatst. Bij elke hartslag stroomt er meer bloed en verandert de weerkaatsing. Smartwatches "
        "en ziekenhuisapparatuur werken met hetzelfde principe.",
        "tips": ["Leerlingen met een medische beperking doen de inspanning niet mee."],
        "worksheet": [
            "Wat is je hartslag in rust en na inspanning?",
            "Hoe verschilt de meting van de hartslagsensor met je eigen polsslag?",
            "Welke beroepen in de zorg werken met deze techniek?",
        ],
    },
    {
        "slug": "grijphand-prothese",
        "title": "Bouw een grijphand",
        "summary": "Leerlingen bouwen een werkende grijphand van karton, rietjes en touw en onderzoeken "
        "hoe pezen en gewrichten samenwerken. Ze ontwerpen een verbetering voor iemand met een prothese.",
        "goals": [
            "Je kunt uitleggen hoe pezen en gewrichten een hand laten bewegen.",
            "Je kunt een model bouwen dat de werking van een hand nabootst.",
            "Je kunt een ontwerp aanpassen aan de wensen van een gebruiker.",
        ],
        "groups": [PO_78, VMBO_OB, VSO],
        "worlds": [ZORG, MAKEN],
        "themes": ["ontwerpcyclus", "constructies", "inclusie"],
        "core_goals": [41, 45],
        "duration": 135,
        "preparation": 25,
        "group": (2, 2),
        "materials": [
            ("Stevig karton", "1 vel per tweetal", True),
            ("Rietjes", "10 per tweetal", True),
            ("Vliegertouw", "2 meter per tweetal", True),
            ("Schaar en plakband", "per tweetal", False),
        ],
        "steps": [
            ("Je eigen hand", 15, "Voel de pezen in je pols terwijl je je vingers buigt."),
            ("Hand overtrekken", 20, "Trek je hand over op karton en markeer de gewrichten."),
            ("Pezen maken", 50, "Plak stukjes rietje op de vingerkootjes en rijg er touw door als pezen."),
            ("Testen", 20, "Kan de grijphand een bekertje oppakken?"),
            (
                "Verbeteren voor een gebruiker",
                30,
                "Bedenk een aanpassing voor iemand die de hand met één arm moet bedienen.",
            ),
        ],
        "licence": CC_BY_SA,
        "author": "VSO De Brug",
        "partner": None,
        "region": "techtown",
        "tags": ["prothese", "menselijk lichaam", "zorgtechniek"],
        "background": "Spieren in je onderarm trekken via pezen aan je vingerkootjes. In de grijphand nemen "
        "touwtjes de rol van pezen over en de rietjes die van peeskokers. Echte prothesen worden steeds "
        "vaker 3D-geprint en op maat gemaakt.",
        "tips": ["Knip de rietjes vooraf op lengte voor jongere leerlingen."],
        "worksheet": [
            "Hoeveel gewrichten heeft je wijsvinger?",
            "Welk onderdeel van de grijphand werkt als pees?",
            "Welke verbetering heb je bedacht voor de gebruiker van de prothese?",
        ],
    },
    {
        "slug": "warmste-huisje-isoleren",
        "title": "Het warmste huisje: isoleren",
        "summary": "Leerlingen isoleren een kartonnen huisje met verschillende materialen en meten met "
        "een thermometer welk huisje een kop warm water het langst warm houdt.",
        "goals": [
            "Je kunt een eerlijk experiment opzetten met één veranderende factor.",
            "Je kunt uitleggen waarom isoleren energie bespaart.",
        ],
        "groups": [PO_56, PO_78],
        "worlds": [BOUWEN, ENERGIE],
        "themes": ["duurzaamheid", "bouwen", "energizing"],
        "core_goals": [42, 43],
        "duration": 80,
        "preparation": 20,
        "group": (3, 4),
        "materials": [
            ("Kartonnen doos", "1 per groepje", True),
            ("Isolatiemateriaal (wol, piepschuim, krant, folie)", "per groepje", True),
            ("Thermometer", "1 per groepje", False),
            ("Beker warm water", "1 per groepje", True),
        ],
        "steps": [
            (
                "Warmte lekt weg",
                10,
                "Waar verliest een huis zijn warmte? Bekijk een warmtefoto van een huis.",
            ),
            ("Isoleren", 30, "Bekleed het huisje met één soort isolatiemateriaal."),
            ("Meten", 30, "Zet een beker warm water in het huisje en meet elke 5 minuten de temperatuur."),
            ("Vergelijken", 10, "Maak een grafiek van alle groepjes. Welk materiaal isoleert het best?"),
        ],
        "licence": CC_BY_SA,
        "author": "Techniekhuis op Zuid",
        "partner": "stedin",
        "region": "techtown",
        "tags": ["isolatie", "energie besparen", "experiment"],
        "background": "Warmte stroomt altijd van warm naar koud. Isolatiemateriaal met veel stilstaande lucht, "
        "zoals wol of piepschuim, remt dat. Goed geïsoleerde huizen hebben minder energie nodig; dat is "
        "een belangrijk deel van de energietransitie in wijken als Rotterdam-Zuid.",
        "tips": ["Gebruik warm kraanwater, geen kokend water."],
        "worksheet": [
            "Welk isolatiemateriaal hebben jullie gebruikt?",
            "Hoeveel graden daalde de temperatuur in 30 minuten?",
            "Welk materiaal isoleert het best en waarom?",
        ],
    },
    {
        "slug": "slimme-straatverlichting",
        "title": "Slimme straatverlichting",
        "summary": "Leerlingen ontwerpen een lantaarnpaal die alleen aangaat als het donker is en er iemand "
        "langsloopt, met een lichtsensor en bewegingssensor op een micro:bit.",
        "goals": [
            "Je kunt twee sensoren combineren in een als-dan-programma.",
            "Je kunt berekenen hoeveel energie slimme verlichting bespaart.",
        ],
        "groups": [VMBO_KB, VMBO_GL],
        "worlds": [BOUWEN, ENERGIE, ICT],
        "themes": ["elektronica", "microbit-programmeren", "duurzaamheid"],
        "core_goals": [44, 45],
        "duration": 100,
        "preparation": 30,
        "group": (2, 2),
        "materials": [
            ("BBC micro:bit", "1 per tweetal", False),
            ("PIR-bewegingssensor", "1 per tweetal", False),
            ("Led-strip", "1 per tweetal", False),
            ("Karton voor de lantaarnpaal", "per tweetal", True),
        ],
        "steps": [
            ("Verlichting in de wijk", 15, "Hoeveel lantaarnpalen branden er 's nachts voor niemand?"),
            (
                "Lichtsensor",
                25,
                "Lees de lichtsensor van de micro:bit uit en bepaal een drempelwaarde voor donker.",
            ),
            ("Bewegingssensor", 30, "Voeg de PIR-sensor toe: alleen licht bij donker en beweging."),
            ("Energie berekenen", 30, "Bereken de besparing voor een straat met 40 lantaarnpalen."),
        ],
        "licence": CC_BY_SA,
        "author": "Stedin",
        "partner": "stedin",
        "region": "techtown",
        "tags": ["micro:bit", "sensoren", "energie besparen", "PIE"],
        "background": "De micro:bit kan met zijn led-matrix ook licht meten. Een PIR-sensor reageert op "
        "infraroodstraling van een bewegend lichaam. Gemeenten vervangen lantaarnpalen door leds met "
        "sensoren en besparen zo tot 70 procent energie.",
        "tips": ["Verduister het lokaal deels zodat de lichtsensor goed te testen is."],
        "worksheet": [
            "Bij welke waarde van de lichtsensor is het 'donker'?",
            "Hoe werkt een PIR-sensor?",
            "Hoeveel kilowattuur bespaart een straat met 40 slimme lantaarnpalen per jaar?",
        ],
    },
    {
        "slug": "containerhaven-logistiek",
        "title": "Containerhaven: logistiek puzzelen",
        "summary": "Leerlingen worden kraanmachinist en planner: ze laden een containerschip zo dat het "
        "in balans blijft en de containers in de goede volgorde per haven kunnen worden gelost.",
        "goals": [
            "Je kunt een stuwplan maken met volgorde en gewicht.",
            "Je kunt uitleggen waarom balans belangrijk is op een schip.",
            "Je kent beroepen in de haven en logistiek.",
        ],
        "groups": [PO_78, VMBO_OB],
        "worlds": [MOBILITEIT],
        "themes": ["vervoeren", "computational-thinking", "technisch-personeel"],
        "core_goals": [44, 45],
        "duration": 50,
        "preparation": 15,
        "group": (3, 4),
        "materials": [
            ("Speelcontainers met gewichtskaartjes", "20 per groepje", False),
            ("Schip van karton op een flesdop", "1 per groepje", False),
            ("Stuwplanformulier", "1 per groepje", True),
        ],
        "steps": [
            ("De grootste haven van Europa", 10, "Hoeveel containers gaan er per jaar door Rotterdam?"),
            ("Stuwplan maken", 20, "Plan waar elke container komt: eerst lossen in Antwerpen, dan Hamburg."),
            ("Laden", 10, "Laad het schip volgens het stuwplan. Blijft het in balans?"),
            ("Beroepen", 10, "Welke beroepen zijn nodig om een schip te laden?"),
        ],
        "licence": ARR,
        "author": "Havenbedrijf Rotterdam",
        "partner": "havenbedrijf-rotterdam",
        "region": "techtown",
        "tags": ["haven", "logistiek", "containers"],
        "background": "Een stuwplan bepaalt waar elke container op het schip staat. Zware containers komen "
        "onderin en in het midden, zodat het zwaartepunt laag blijft. Containers die als eerste van boord "
        "moeten, staan bovenop. Planners en kraanmachinisten werken hiervoor samen met software.",
        "tips": ["Laat één leerling per groepje de rol van kraanmachinist spelen."],
        "worksheet": [
            "Teken jullie stuwplan met de gewichten van de containers.",
            "Waarom staan de zwaarste containers onderin?",
            "Noem twee beroepen in de haven die je vandaag hebt leren kennen.",
        ],
    },
    {
        "slug": "huisinstallatie-groepenkast",
        "title": "Huisinstallatie: van groepenkast tot wisselschakeling",
        "summary": "Leerlingen bouwen op een installatiewand een eindgroep met een enkelpolige schakelaar, "
        "een wisselschakeling en een wandcontactdoos, en controleren de installatie volgens NEN 1010.",
        "goals": [
            "Je kunt een installatietekening lezen en uitvoeren.",
            "Je kunt een wisselschakeling aansluiten en testen.",
            "Je kunt de functie van een aardlekschakelaar uitleggen.",
        ],
        "groups": [VMBO_BB, VMBO_KB, MBO],
        "worlds": [BOUWEN, ENERGIE],
        "themes": ["elektronica", "technisch-personeel", "bouwen"],
        "core_goals": [44],
        "duration": 240,
        "preparation": 60,
        "group": (1, 2),
        "materials": [
            ("Installatiewand", "1 per leerling", False),
            ("Installatiedraad 2,5 mm²", "10 meter per leerling", True),
            ("Wisselschakelaars", "2 per leerling", False),
            ("Lasdoppen", "10 per leerling", True),
            ("Installatietester", "1 per lokaal", False),
        ],
        "steps": [
            ("Veilig werken", 20, "Spanningsloos werken: de vijf veiligheidsregels."),
            ("Tekening lezen", 30, "Lees het installatieschema en het situatieschema van de eindgroep."),
            ("Aanleggen", 120, "Trek de draden, sluit de schakelaars aan en monteer de wandcontactdoos."),
            ("Controleren", 40, "Meet isolatieweerstand en doorgang; test de aardlekschakelaar."),
            ("Opleveren", 30, "Lever de installatie op aan de 'klant' en leg uit hoe hij werkt."),
        ],
        "licence": CC_BY_NC_SA,
        "author": "Zadkine Techniek Academie",
        "partner": "zadkine",
        "region": "techtown",
        "tags": ["installatietechniek", "PIE", "NEN 1010"],
        "background": "Met een wisselschakeling bedien je één lamp vanaf twee plekken, bijvoorbeeld onder en "
        "boven aan de trap. De aardlekschakelaar vergelijkt de stroom in fase en nul en schakelt af bij een "
        "verschil van 30 milliampère. Installatietechnici zijn hard nodig voor de energietransitie.",
        "tips": [
            "Laat de installatie altijd door de docent controleren voordat er spanning op gaat.",
            "Koppel dit aan een bedrijfsbezoek bij een installateur.",
        ],
        "worksheet": [
            "Teken het installatieschema van een wisselschakeling.",
            "Bij welk verschil in stroom schakelt een aardlekschakelaar uit?",
            "Welke vijf veiligheidsregels gelden bij spanningsloos werken?",
        ],
    },
    {
        "slug": "solderen-knipperlicht",
        "title": "Solderen: een knipperlicht",
        "summary": "Leerlingen solderen een knipperlicht met twee leds op een printplaat en leren veilig "
        "werken met de soldeerbout. Het resultaat nemen ze mee naar huis.",
        "goals": [
            "Je kunt veilig solderen.",
            "Je kunt componenten herkennen en op de juiste plek plaatsen.",
            "Je kunt een soldeerverbinding beoordelen.",
        ],
        "groups": [VMBO_BB, PRO, VSO],
        "worlds": [MAKEN, ICT],
        "themes": ["elektronica", "technisch-personeel"],
        "core_goals": [44, 45],
        "duration": 150,
        "preparation": 30,
        "group": (1, 1),
        "materials": [
            ("Soldeerbout met standaard", "1 per leerling", False),
            ("Soldeertin", "1 meter per leerling", True),
            ("Bouwpakket knipperlicht", "1 per leerling", True),
            ("Veiligheidsbril", "1 per leerling", False),
        ],
        "steps": [
            ("Veiligheid", 15, "De punt van de soldeerbout wordt 350 graden. Regels en afzuiging."),
            ("Oefenen", 30, "Soldeer vijf draadjes op een oefenprint. Beoordeel: glanzend kegeltje?"),
            ("Componenten", 20, "Herken weerstanden, condensatoren, leds en transistors."),
            ("Solderen", 70, "Soldeer het knipperlicht. Let op de richting van leds en condensatoren."),
            ("Testen", 15, "Sluit de batterij aan en zoek eventuele fouten met een vergrootglas."),
        ],
        "licence": CC_BY_SA,
        "author": "Praktijkschool De Haven",
        "partner": "albeda",
        "region": "techtown",
        "tags": ["solderen", "elektronica", "leds"],
        "background": "Bij solderen verbind je componenten met gesmolten tin. Een goede verbinding is glanzend "
        "en kegelvormig. Leds en elektrolytische condensatoren hebben een plus- en minkant. Het "
        "knipperlicht werkt met twee transistors die elkaar om beurten aan- en uitschakelen.",
        "tips": [
            "Leg een natte spons bij elke soldeerbout.",
            "Laat leerlingen met een vergrootglas hun soldeerverbindingen controleren.",
        ],
        "worksheet": [
            "Hoe ziet een goede soldeerverbinding eruit? Teken hem.",
            "Hoe herken je de min-kant van een led?",
            "Wat doet een transistor in het knipperlicht?",
        ],
    },
    {
        "slug": "lego-spike-robotwedstrijd",
        "title": "Robotwedstrijd met LEGO SPIKE",
        "summary": "Teams bouwen en programmeren een LEGO SPIKE-robot die een missie op de wedstrijdmat "
        "uitvoert: een opstap naar de First Lego League.",
        "goals": [
            "Je kunt een robot bouwen met motoren en sensoren.",
            "Je kunt een robot programmeren om een missie uit te voeren.",
            "Je werkt samen als team met verschillende rollen.",
        ],
        "groups": [PO_78, VMBO_OB],
        "worlds": [ICT, MAKEN],
        "themes": ["robotica", "computational-thinking"],
        "core_goals": [45],
        "duration": 115,
        "preparation": 40,
        "group": (3, 5),
        "materials": [
            ("LEGO SPIKE Prime-set", "1 per team", False),
            ("Wedstrijdmat", "1 per klas", False),
            ("Tablet of laptop", "1 per team", False),
        ],
        "steps": [
            ("Missie kiezen", 15, "Bekijk de missies op de mat en kies er twee."),
            ("Robot bouwen", 40, "Bouw een rijdende basis met een kleursensor."),
            (
                "Programmeren",
                40,
                "Programmeer de route met rotaties en laat de robot stoppen op de zwarte lijn.",
            ),
            ("Wedstrijdronde", 20, "Elk team krijgt twee pogingen van 2,5 minuut."),
        ],
        "licence": CC_BY_SA,
        "author": "TechTown Rotterdam",
        "partner": "techmission010",
        "region": "techtown",
        "tags": ["LEGO", "First Lego League", "robotica"],
        "background": "De LEGO SPIKE-hub stuurt motoren aan en leest sensoren uit. Met een kleursensor kan de "
        "robot lijnen volgen en zijn positie controleren. Bij de First Lego League tellen ook teamwork en "
        "een onderzoeksproject mee.",
        "tips": ["Laat teams rollen verdelen: bouwer, programmeur, teamcaptain, tijdwaarnemer."],
        "worksheet": [
            "Welke missies hebben jullie gekozen?",
            "Hoe gebruikt jullie robot de kleursensor?",
            "Hoeveel punten scoorde jullie robot in de wedstrijdronde?",
        ],
    },
    {
        "slug": "rollen-en-rijden-hellingbaan",
        "title": "Rollen en rijden: de hellingbaan",
        "summary": "Kleuters laten autootjes en knikkers van een hellingbaan rollen en ontdekken dat een "
        "steilere helling zorgt voor een langere rit.",
        "goals": [
            "Je kunt vertellen wat er gebeurt als de helling steiler wordt.",
            "Je kunt met blokken meten hoe ver iets rolt.",
        ],
        "groups": [PO_12, PO_34],
        "worlds": [MOBILITEIT],
        "themes": ["constructies", "vervoeren"],
        "core_goals": [42],
        "duration": 20,
        "preparation": 10,
        "group": (2, 4),
        "materials": [
            ("Plank als hellingbaan", "1 per groepje", False),
            ("Knikkers en speelgoedautootjes", "per groepje", False),
            ("Blokken", "10 per groepje", False),
        ],
        "steps": [
            ("Voorspellen", 5, "Welke rolt verder: de knikker of het autootje?"),
            ("Proberen", 10, "Leg de plank op 1, 2 en 3 blokken en laat alles rollen."),
            ("Vertellen", 5, "Wie rolde het verst? Hoe kwam dat?"),
        ],
        "licence": CC0,
        "author": "OBS De Merwelanden",
        "partner": None,
        "region": "sto-goal",
        "tags": ["kleuters", "rollen", "hellingbaan"],
        "background": "Hoe hoger het startpunt, hoe meer snelheid een voorwerp onderaan de hellingbaan heeft. "
        "Wrijving remt: een knikker rolt op een gladde vloer verder dan op het tapijt.",
        "tips": ["Gebruik blokken als meeteenheid in plaats van centimeters."],
        "worksheet": [
            "Kleur het voorwerp dat het verst rolde.",
            "Op hoeveel blokken lag de hellingbaan bij de langste rit?",
            "Teken jouw hellingbaan.",
        ],
    },
    {
        "slug": "bootjes-die-drijven",
        "title": "Bootjes die drijven",
        "summary": "Leerlingen vouwen bootjes van aluminiumfolie en ontdekken hoeveel knikkers hun bootje "
        "kan dragen voordat het zinkt: een eerste kennismaking met drijven en waterverplaatsing.",
        "goals": [
            "Je kunt voorspellen of iets drijft of zinkt.",
            "Je kunt een bootje verbeteren zodat het meer draagt.",
        ],
        "groups": [PO_12],
        "worlds": [MOBILITEIT, MAKEN],
        "themes": ["constructies", "vervoeren"],
        "core_goals": [42, 45],
        "duration": 25,
        "preparation": 10,
        "group": (2, 3),
        "materials": [
            ("Aluminiumfolie", "2 vellen per groepje", True),
            ("Bak water", "1 per groepje", False),
            ("Knikkers", "20 per groepje", False),
        ],
        "steps": [
            ("Drijven of zinken?", 5, "Leg een knikker en een bolletje folie in het water."),
            ("Bootje vouwen", 10, "Vouw van hetzelfde folie een platte boot."),
            ("Knikkers laden", 10, "Hoeveel knikkers kan je bootje dragen?"),
        ],
        "licence": CC_BY_SA,
        "author": "Basisschool Het Palet",
        "partner": None,
        "region": "techtown",
        "tags": ["kleuters", "drijven", "water"],
        "background": "Een plat bootje verplaatst veel water en krijgt daardoor veel opwaartse kracht; een "
        "prop folie met hetzelfde gewicht verplaatst weinig water en zinkt. Zo kunnen stalen schepen "
        "drijven. Dat heet waterverplaatsing.",
        "tips": ["Leg handdoeken klaar onder de waterbakken."],
        "worksheet": [
            "Kleur wat drijft blauw en wat zinkt rood.",
            "Hoeveel knikkers droeg jouw bootje?",
            "Teken jouw bootje van aluminiumfolie.",
        ],
    },
    {
        "slug": "zonnewijzer-bouwen",
        "title": "Zonnewijzer bouwen",
        "summary": "Leerlingen bouwen een zonnewijzer, volgen de schaduw een dag lang en ontdekken hoe de "
        "stand van de zon dag en nacht en de seizoenen veroorzaakt.",
        "goals": [
            "Je kunt uitleggen waarom de schaduw in de loop van de dag verandert.",
            "Je kunt met een zonnewijzer de tijd aflezen.",
        ],
        "groups": [PO_56],
        "worlds": [ENERGIE, BOUWEN],
        "themes": ["duurzame-energie"],
        "core_goals": [43, 46],
        "duration": 45,
        "preparation": 10,
        "group": (2, 3),
        "materials": [
            ("Stevig karton", "1 vel per groepje", True),
            ("Satéprikker", "1 per groepje", True),
            ("Kompas", "1 per groepje", False),
        ],
        "steps": [
            (
                "De zon beweegt?",
                10,
                "Draait de zon om de aarde of andersom? Speel het na met een lamp en een globe.",
            ),
            ("Zonnewijzer maken", 20, "Maak een wijzerplaat en zet de satéprikker schuin op het noorden."),
            ("Schaduw volgen", 15, "Markeer elk uur de schaduw op het schoolplein."),
        ],
        "licence": CC_BY_SA,
        "author": "Spacebuzz",
        "partner": "spacebuzz",
        "region": "techtown",
        "tags": ["zon", "seizoenen", "tijd"],
        "background": "De aarde draait in 24 uur om haar as; daardoor lijkt de zon te bewegen en verschuift de "
        "schaduw van de zonnewijzer. Doordat de aardas scheef staat, staat de zon in de zomer hoger en is "
        "de schaduw korter dan in de winter.",
        "tips": ["Start de les op een zonnige ochtend en laat de zonnewijzer de hele dag staan."],
        "worksheet": [
            "Hoe lang was de schaduw om 10 uur en om 12 uur?",
            "Waarom is de schaduw in de winter langer dan in de zomer?",
            "Wat gebeurt er met je zonnewijzer als het bewolkt is?",
        ],
    },
    {
        "slug": "bekertelefoon-geluid",
        "title": "Bekertelefoon en geluid",
        "summary": "Leerlingen maken een bekertelefoon en onderzoeken hoe geluid als trilling door een "
        "touw reist. Ze vergelijken hun telefoon met een mobiele telefoon.",
        "goals": [
            "Je kunt uitleggen dat geluid een trilling is.",
            "Je kunt onderzoeken hoe de lengte en spanning van het touw het geluid veranderen.",
        ],
        "groups": [PO_34],
        "worlds": [ICT],
        "themes": ["digitaliseren"],
        "core_goals": [42, 44],
        "duration": 35,
        "preparation": 10,
        "group": (2, 2),
        "materials": [
            ("Plastic bekers", "2 per tweetal", True),
            ("Touw", "5 meter per tweetal", True),
            ("Paperclips", "2 per tweetal", True),
        ],
        "steps": [
            ("Voel het geluid", 5, "Leg je hand op je keel terwijl je zingt. Wat voel je?"),
            (
                "Bekertelefoon maken",
                15,
                "Prik een gaatje in de bekers en knoop het touw vast met een paperclip.",
            ),
            ("Onderzoeken", 15, "Bel elkaar met een strak en een slap touw. Wat hoor je?"),
        ],
        "licence": CC_BY,
        "author": "OBS De Globetrotter",
        "partner": None,
        "region": "techtown",
        "tags": ["geluid", "trilling", "communicatie"],
        "background": "Geluid is trilling. Als je in de beker praat, trilt de bodem en gaat de trilling via het "
        "strakke touw naar de andere beker. Een mobiele telefoon zet geluid om in radiogolven; het idee van "
        "de bekertelefoon blijft: geluid omzetten, versturen en terug omzetten.",
        "tips": ["Gebruik een lang gang of het schoolplein zodat de tweetallen elkaar niet direct horen."],
        "worksheet": [
            "Wat voel je als je je hand op je keel legt tijdens het zingen?",
            "Werkt de bekertelefoon beter met een strak of een slap touw?",
            "Hoe stuurt een mobiele telefoon jouw stem naar iemand anders?",
        ],
    },
    {
        "slug": "app-ontwerpen-voor-de-buurt",
        "title": "Een app ontwerpen voor de buurt",
        "summary": "Leerlingen ontwerpen een app die een probleem in hun wijk oplost, van interview en "
        "wireframe tot klikbaar prototype en gebruikerstest.",
        "goals": [
            "Je kunt een gebruikersprobleem onderzoeken met interviews.",
            "Je kunt een wireframe en klikbaar prototype maken.",
            "Je kunt feedback uit een gebruikerstest verwerken.",
        ],
        "groups": [VMBO_TL, MBO],
        "worlds": [ICT],
        "themes": ["digitaliseren", "ontwerpcyclus", "inclusie"],
        "core_goals": [45],
        "duration": 180,
        "preparation": 30,
        "group": (3, 4),
        "materials": [
            ("Laptops met prototypetool", "1 per leerling", False),
            ("Post-its en stiften", "per groepje", True),
            ("Papieren wireframe-templates", "10 per groepje", True),
        ],
        "steps": [
            (
                "Probleem in de wijk",
                30,
                "Interview buurtbewoners of klasgenoten over een probleem in de wijk.",
            ),
            ("Ideeën", 30, "Bedenk met post-its oplossingen en kies er één."),
            ("Wireframe", 40, "Teken de schermen van de app op papier."),
            ("Klikbaar prototype", 50, "Bouw het prototype in de prototypetool."),
            ("Gebruikerstest", 30, "Laat een ander groepje je app testen en noteer wat lastig was."),
        ],
        "licence": CC_BY_SA,
        "author": "Albeda ICT College",
        "partner": "albeda",
        "region": "techtown",
        "tags": ["app", "MVI", "ICT", "prototype"],
        "background": "Goede apps beginnen bij de gebruiker. Met een wireframe leg je de indeling van schermen "
        "vast voordat je gaat bouwen. Een gebruikerstest laat zien waar mensen vastlopen, ook mensen die "
        "slechtziend zijn of de taal minder goed spreken. Dit past bij het profiel MVI.",
        "tips": [
            "Laat groepjes een echte gebruiker uit de wijk kiezen.",
            "Beoordeel het proces, niet alleen het eindproduct.",
        ],
        "worksheet": [
            "Welk probleem in de wijk lost jullie app op?",
            "Plak hier een foto van jullie wireframe.",
            "Wat leerden jullie van de gebruikerstest?",
        ],
    },
    {
        "slug": "aarde-vanuit-de-ruimte",
        "title": "De aarde vanuit de ruimte",
        "summary": "Voorbereidende les op de Spacebuzz-workshop: leerlingen onderzoeken de dampkring, dag en "
        "nacht en het klimaat, en ontdekken wat astronauten het overview-effect noemen.",
        "goals": [
            "Je kunt uitleggen hoe dag en nacht ontstaan.",
            "Je kunt beschrijven hoe dun de atmosfeer van de aarde is.",
            "Je kunt een verband leggen tussen satellietbeelden en klimaat.",
        ],
        "groups": [PO_78],
        "worlds": [ICT, GROEN],
        "themes": ["duurzaamheid", "digitaliseren"],
        "core_goals": [43, 46],
        "duration": 45,
        "preparation": 15,
        "group": (1, 30),
        "materials": [
            ("Globe en lamp", "1 per klas", False),
            ("Satellietbeelden (print)", "1 set per groepje", True),
        ],
        "steps": [
            ("Dag en nacht", 10, "Laat met de globe en lamp zien hoe dag en nacht ontstaan."),
            ("Dunne atmosfeer", 15, "Als de aarde een appel is, is de atmosfeer dunner dan de schil."),
            ("Satellietbeelden", 20, "Vergelijk satellietbeelden van Rotterdam in 1990 en nu."),
        ],
        "licence": ARR,
        "author": "Spacebuzz",
        "partner": "spacebuzz",
        "region": "techtown",
        "tags": ["ruimtevaart", "klimaat", "Spacebuzz"],
        "background": "Astronauten die de aarde vanuit de ruimte zien, beschrijven een gevoel van verbondenheid: "
        "het overview-effect. De atmosfeer is maar een dun laagje. Satellieten meten temperatuur, wolken en "
        "zeespiegel en laten zien hoe het klimaat verandert.",
        "tips": ["Plan deze les in de week voor de Spacebuzz-workshop."],
        "worksheet": [
            "Hoe ontstaan dag en nacht?",
            "Wat is het overview-effect?",
            "Wat zie je veranderen op de satellietbeelden van Rotterdam?",
        ],
    },
    {
        "slug": "sorteermachine-afval",
        "title": "Sorteermachine voor afval",
        "summary": "Leerlingen bouwen een sorteermachine die blik, plastic en papier scheidt met een "
        "magneetscheider en een zeef, en leren hoe afvalsortering in het echt werkt.",
        "goals": [
            "Je kunt eigenschappen van materialen gebruiken om ze te scheiden.",
            "Je kunt een eenvoudige machine bouwen en verbeteren.",
        ],
        "groups": [VSO, PRO],
        "worlds": [MAKEN, GROEN],
        "themes": ["duurzaamheid", "magnetisme", "vergroenen"],
        "core_goals": [42, 44, 45],
        "duration": 50,
        "preparation": 20,
        "group": (2, 4),
        "materials": [
            ("Sterke magneet", "1 per groepje", False),
            ("Schoon afval (blik, plastic, papier)", "1 tas per groepje", True),
            ("Karton voor de sorteerband", "per groepje", True),
            ("Ventilator", "1 per klas", False),
        ],
        "steps": [
            ("Waar gaat ons afval heen?", 10, "Bekijk hoe een afvalsorteerbedrijf werkt."),
            ("Materialen testen", 10, "Welk afval is magnetisch, welk is licht, welk is zwaar?"),
            (
                "Machine bouwen",
                20,
                "Bouw een schuine sorteerband met een magneetscheider en laat de ventilator papier wegblazen.",
            ),
            ("Testen", 10, "Hoeveel procent van het afval komt in de juiste bak?"),
        ],
        "licence": CC_BY_SA,
        "author": "VSO De Brug",
        "partner": None,
        "region": "techtown",
        "tags": ["afval", "recycling", "sorteren"],
        "background": "Afvalsorteerders gebruiken eigenschappen van materialen: een magneetscheider trekt "
        "blik eruit, een windzifter blaast licht papier en folie weg, en zeven scheiden op grootte. Hoe "
        "beter het sorteren, hoe meer er gerecycled kan worden.",
        "tips": [
            "Gebruik alleen schoon, droog afval.",
            "Werk met picto's bij de opdrachtkaarten voor vso-leerlingen.",
        ],
        "worksheet": [
            "Welk afval haalde de magneetscheider eruit?",
            "Wat doet de ventilator in jullie sorteermachine?",
            "Hoeveel procent van het afval kwam in de goede bak?",
        ],
    },
    {
        "slug": "zonnestroom-meten-schooldak",
        "title": "Zonnestroom meten op het schooldak",
        "summary": "Studenten analyseren de opbrengst van de zonnepanelen op het schooldak met de "
        "monitoringsdata van de omvormer en berekenen de terugverdientijd.",
        "goals": [
            "Je kunt opbrengstdata van een omvormer uitlezen en analyseren.",
            "Je kunt de invloed van oriëntatie, hellingshoek en schaduw verklaren.",
            "Je kunt een terugverdientijd berekenen.",
        ],
        "groups": [MBO, VMBO_GL],
        "worlds": [ENERGIE],
        "themes": ["duurzame-energie", "energizing", "technisch-personeel"],
        "core_goals": [42, 43],
        "duration": 60,
        "preparation": 45,
        "group": (2, 3),
        "materials": [
            ("Toegang tot de omvormer-monitoring", "1 per groepje", False),
            ("Laptop met spreadsheet", "1 per groepje", False),
            ("Lichtmeter (pyranometer)", "1 per klas", False),
        ],
        "steps": [
            ("De installatie", 10, "Bekijk de zonnepanelen op het dak en noteer oriëntatie en hellingshoek."),
            ("Data uitlezen", 20, "Download de opbrengst per dag van de omvormer over de afgelopen maand."),
            ("Analyseren", 20, "Zoek verbanden tussen opbrengst, bewolking en seizoen."),
            ("Terugverdientijd", 10, "Bereken hoeveel jaar het duurt voordat de panelen zijn terugverdiend."),
        ],
        "licence": CC_BY_SA,
        "author": "Da Vinci College",
        "partner": "da-vinci-college",
        "region": "sto-goal",
        "tags": ["zonnepanelen", "data", "omvormer"],
        "background": "Een omvormer zet de gelijkstroom van de zonnepanelen om in wisselstroom en registreert "
        "de opbrengst in kilowattuur. Panelen op het zuiden met een hellingshoek van ongeveer 35 graden "
        "leveren in Nederland het meest op. Schaduw op één paneel kan de hele string verzwakken.",
        "tips": ["Vraag de conciërge of facilitair medewerker om toegang tot het monitoringsportaal."],
        "worksheet": [
            "Wat was de opbrengst van de zonnepanelen op de beste en slechtste dag?",
            "Welke rol speelt de omvormer?",
            "Wat is de terugverdientijd van de installatie?",
        ],
    },
    {
        "slug": "lassen-hotspot-scheepsbouw",
        "title": "Hotspot scheepsbouw: kennismaken met lassen",
        "summary": "In de hotspot op de scheepswerf maken vmbo-leerlingen kennis met MIG-lassen op een "
        "lassimulator en daarna met echt staal, begeleid door een vakdocent en een lasser van de werf.",
        "goals": [
            "Je kent de veiligheidsregels in een laswerkplaats.",
            "Je kunt een rechte lasrups leggen op de lassimulator.",
            "Je kunt beroepen in de scheepsbouw beschrijven.",
        ],
        "groups": [VMBO_BB, VMBO_KB, PRO],
        "worlds": [MAKEN, MOBILITEIT],
        "themes": ["technisch-personeel", "inclusie"],
        "core_goals": [44],
        "duration": 210,
        "preparation": 60,
        "group": (6, 10),
        "materials": [
            ("Lassimulator", "1 per hotspot", False),
            ("Lashelm en handschoenen", "1 per leerling", False),
            ("Staalstrips", "5 per leerling", True),
            ("Lasdraad", "1 rol", True),
        ],
        "steps": [
            ("Rondleiding op de werf", 45, "Volg een schip van plaat tot proefvaart."),
            ("Veiligheid", 20, "Lashelm, handschoenen, afzuiging: waarom is elk onderdeel nodig?"),
            ("Lassimulator", 60, "Oefen snelheid, afstand en hoek op de lassimulator en verbeter je score."),
            ("Echt lassen", 60, "Leg onder begeleiding een lasrups op een staalstrip."),
            ("Gesprek met een lasser", 25, "Wat doet een lasser op een dag? Wat verdient hij of zij?"),
        ],
        "licence": ARR,
        "author": "Scheepswerf Merwede",
        "partner": "scheepswerf-merwede",
        "region": "sto-goal",
        "tags": ["lassen", "hotspot", "scheepsbouw", "MaT"],
        "background": "Bij MIG-lassen smelt een elektrische boog de lasdraad en het werkstuk samen onder een "
        "beschermgas. Een lassimulator laat leerlingen veilig oefenen met snelheid, afstand en hoek. De "
        "scheepsbouw in Gorinchem zoekt veel lassers, ook meiden.",
        "tips": ["Laat leerlingen in de bus al de veiligheidsfilm kijken."],
        "worksheet": [
            "Welke score haalde je op de lassimulator?",
            "Waarom lassen we onder beschermgas?",
            "Welk beroep op de scheepswerf spreekt je het meest aan?",
        ],
    },
]
