"""The demo's organisations, topic vocabulary, communities and members."""

from .records import CommunitySpec, Person, TopicSpec

HOST_NAME = "Acme Water Services"
PARTNER_NAME = "Northwind Engineering"
PARTNER_SLUG = "northwind-engineering"
PARTNER_DOMAIN = "northwind.example"

PUMPS = "pump-reliability"
PROJECTS = "project-managers"
CHANGE = "change-practitioners"
DATA = "asset-data"

TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(
        "rotating-equipment",
        "Rotating equipment",
        description="Pumps, motors, fans, blowers and what keeps them turning.",
    ),
    TopicSpec(
        "centrifugal-pumps",
        "Centrifugal pumps",
        "rotating-equipment",
        ("centrifugal pump", "end-suction pumps", "split-case pumps"),
        "Selection, operation and overhaul of centrifugal pumps, from end-suction to split-case.",
    ),
    TopicSpec(
        "submersible-pumps",
        "Submersible pumps",
        "rotating-equipment",
        ("submersibles", "wastewater pumps"),
        "Submersible sewage and drainage pumps: ragging, seals, cables and lifting.",
    ),
    TopicSpec(
        "mechanical-seals",
        "Mechanical seals",
        "rotating-equipment",
        ("seals", "shaft seals", "gland packing"),
        "Single and double seals, seal support plans and packing.",
    ),
    TopicSpec(
        "bearings",
        "Bearings",
        "rotating-equipment",
        ("rolling element bearings",),
        "Rolling-element and plain bearings: fits, temperatures and failure modes.",
    ),
    TopicSpec(
        "vibration-analysis",
        "Vibration analysis",
        "rotating-equipment",
        ("VA", "condition monitoring", "vibration"),
        "Measuring and interpreting machine vibration: spectra, alarm limits, routes.",
    ),
    TopicSpec(
        "lubrication",
        "Lubrication",
        "rotating-equipment",
        ("greasing", "oil analysis"),
        "Grease and oil selection, quantities, intervals and oil analysis.",
    ),
    TopicSpec(
        "shaft-alignment",
        "Shaft alignment",
        "rotating-equipment",
        ("laser alignment", "soft foot"),
        "Alignment tolerances, soft foot, pipe strain and couplings.",
    ),
    TopicSpec(
        "motors-and-drives",
        "Motors and drives",
        "rotating-equipment",
        ("VFD", "VSD", "variable speed drives", "soft starters"),
        "Induction motors, variable speed drives, soft starters and their effect on the driven "
        "machine.",
    ),
    TopicSpec(
        "cavitation",
        "Cavitation and NPSH",
        "rotating-equipment",
        ("NPSH", "cavitation", "suction recirculation"),
        "Net positive suction head, cavitation damage and operating away from best efficiency.",
    ),
    TopicSpec(
        "reliability",
        "Reliability engineering",
        synonyms=("reliability",),
        description="Keeping assets doing what they should, for as long as they should.",
    ),
    TopicSpec(
        "root-cause-analysis",
        "Root cause analysis",
        "reliability",
        ("RCA", "5 whys", "RCFA"),
        "Finding why a failure happened, not only what broke.",
    ),
    TopicSpec(
        "fmea",
        "FMEA",
        "reliability",
        ("failure mode and effects analysis", "FMECA"),
        "Failure modes, their effects and how critical they are.",
    ),
    TopicSpec(
        "rcm",
        "Reliability-centred maintenance",
        "reliability",
        ("RCM",),
        "Choosing the right maintenance task for each failure mode.",
    ),
    TopicSpec(
        "preventive-maintenance",
        "Preventive maintenance",
        "reliability",
        ("PM routines", "planned maintenance", "maintenance intervals"),
        "Routines, intervals and how to tell which ones earn their keep.",
    ),
    TopicSpec(
        "spares",
        "Spare parts",
        "reliability",
        ("critical spares", "MRO inventory"),
        "Which spares to hold, how many, and keeping them in good condition.",
    ),
    TopicSpec(
        "project-management",
        "Project management",
        description="Delivering capital works and change projects on time, on budget, safely.",
    ),
    TopicSpec(
        "scheduling",
        "Scheduling",
        "project-management",
        ("programme", "critical path", "CPM", "schedule"),
        "Baselines, critical path, float and schedule risk.",
    ),
    TopicSpec(
        "risk-management",
        "Risk management",
        "project-management",
        ("risk register", "contingency"),
        "Registers that get used, contingency and quantitative risk analysis.",
    ),
    TopicSpec(
        "stakeholder-engagement",
        "Stakeholder engagement",
        "project-management",
        ("stakeholders", "community engagement"),
        "Working with clients, regulators, residents and operators.",
    ),
    TopicSpec(
        "earned-value",
        "Earned value",
        "project-management",
        ("EVM", "earned value management", "SPI", "CPI"),
        "Measuring progress and cost performance against a baseline.",
    ),
    TopicSpec(
        "scope-control",
        "Scope and change control",
        "project-management",
        ("change control", "variations", "scope creep"),
        "Keeping scope under control and pricing changes fairly.",
    ),
    TopicSpec(
        "contracts",
        "Contracts and procurement",
        "project-management",
        ("NEC", "procurement", "early warnings"),
        "Contract forms, early warnings, compensation events and supplier management.",
    ),
    TopicSpec(
        "lessons-learned",
        "Lessons learned",
        "project-management",
        ("after-action review", "retrospective", "post-project review"),
        "Capturing lessons so the next project actually uses them.",
    ),
    TopicSpec(
        "change-management",
        "Change management",
        synonyms=("OCM", "organisational change", "organizational change"),
        description="Helping people through changes in how they work.",
    ),
    TopicSpec(
        "resistance",
        "Resistance to change",
        "change-management",
        ("pushback",),
        "Understanding and working with resistance rather than against it.",
    ),
    TopicSpec(
        "sponsorship",
        "Sponsorship",
        "change-management",
        ("sponsor", "executive sponsor"),
        "Getting and keeping active, visible sponsorship.",
    ),
    TopicSpec(
        "communication-planning",
        "Communication planning",
        "change-management",
        ("change communications",),
        "Who hears what, from whom, when, and how you know it landed.",
    ),
    TopicSpec(
        "adkar",
        "ADKAR",
        "change-management",
        ("Prosci",),
        "Awareness, Desire, Knowledge, Ability, Reinforcement.",
    ),
    TopicSpec(
        "training-adoption",
        "Training and adoption",
        "change-management",
        ("super users", "adoption"),
        "Training that sticks and measuring whether people use the new way.",
    ),
    TopicSpec(
        "asset-data",
        "Asset data and analytics",
        synonyms=("asset data",),
        description="The data about our assets and what we can learn from it.",
    ),
    TopicSpec(
        "cmms",
        "CMMS and work orders",
        "asset-data",
        ("EAM", "Maximo", "SAP PM", "work orders"),
        "The maintenance management system, work orders and failure codes.",
    ),
    TopicSpec(
        "scada-historian",
        "SCADA and historians",
        "asset-data",
        ("SCADA", "historian", "PI"),
        "Telemetry, tags, historians and alarms.",
    ),
    TopicSpec(
        "data-quality",
        "Data quality",
        "asset-data",
        ("data governance", "master data"),
        "Asset registers, hierarchies, failure codes and keeping them clean.",
    ),
    TopicSpec(
        "predictive-analytics",
        "Predictive analytics",
        "asset-data",
        ("machine learning", "anomaly detection", "predictive maintenance"),
        "Models that warn before failures, and how far to trust them.",
    ),
    TopicSpec(
        "dashboards",
        "Dashboards and KPIs",
        "asset-data",
        ("KPI", "Power BI", "reporting"),
        "Measures that drive decisions, and the dashboards that show them.",
    ),
)

COMMUNITIES: tuple[CommunitySpec, ...] = (
    CommunitySpec(
        slug=PUMPS,
        name="Pump Reliability Engineers",
        visibility="open",
        admits_partners=True,
        sponsor="Kwame Mensah, Head of Asset Reliability",
        topics=(
            "centrifugal-pumps",
            "submersible-pumps",
            "mechanical-seals",
            "bearings",
            "vibration-analysis",
            "lubrication",
            "shaft-alignment",
            "cavitation",
            "root-cause-analysis",
        ),
        purpose="""\
We are the engineers, fitters, planners and analysts who keep Acme's 1,400 pumps running,
together with our rotating-equipment partners at Northwind Engineering.

## Why we exist
- **Stop solving the same failure twice.** A seal failure at Riverside should teach
  Harbour Road something.
- **Get an answer in hours, not weeks.** Ask before you order the third replacement impeller.
- **Agree on good practice** for alignment, lubrication, vibration limits and overhauls, and
  write it down.

## How we work
- Ask here first: include the pump model, duty point, what you have already checked and any
  readings. Photos and spectra help.
- Accept the answer that fixed it, and come back to say what the root cause turned out to be.
- Monthly call on the first Tuesday: one failure story, one good practice.

Leaders: @bob and @kwame. Facilitators: @priya and @raj.
""",
    ),
    CommunitySpec(
        slug=PROJECTS,
        name="Project Managers",
        visibility="request",
        sponsor="Graham Hollis, Director of Capital Delivery",
        topics=(
            "scheduling",
            "risk-management",
            "stakeholder-engagement",
            "earned-value",
            "scope-control",
            "contracts",
            "lessons-learned",
        ),
        purpose="""\
A community for everyone who manages projects in the capital programme: treatment works
upgrades, pipeline renewals, pumping station rebuilds and the odd IT project.

## What we are for
1. Sharing what works in **scheduling, risk, cost control and stakeholder engagement** on
   water infrastructure projects.
2. Turning lessons learned into changes to how the next project runs, not a report on a
   shared drive.
3. Peer support: a second opinion before a difficult conversation with a client or contractor.

## Joining
Membership is on request so that we can talk frankly about live projects. Ask to join and a
leader will approve you, usually the same day. What is said about named contractors stays here.
""",
    ),
    CommunitySpec(
        slug=CHANGE,
        name="Change Practitioners",
        visibility="private",
        sponsor="James Whitaker, Head of Transformation",
        topics=(
            "change-management",
            "resistance",
            "sponsorship",
            "communication-planning",
            "adkar",
            "training-adoption",
        ),
        purpose="""\
A private space for the change managers, trainers and communicators working on Acme's
transformation programme (the new enterprise asset management system, mobile work
management and the operating model review).

## Why private
We discuss live changes before they are announced, and people's reactions to them. Nothing
here should identify an individual employee. Membership is by invitation from a leader.

## What we do
- Share plans, templates and measures: stakeholder maps, impact assessments, adoption
  dashboards.
- Ask for help with sponsors, resistance and change saturation.
- Keep each other sane.
""",
    ),
    CommunitySpec(
        slug=DATA,
        name="Asset Data & Analytics",
        visibility="open",
        sponsor="Helena Sousa, Asset Manager (Networks)",
        topics=(
            "cmms",
            "scada-historian",
            "data-quality",
            "predictive-analytics",
            "dashboards",
        ),
        purpose="""\
For anyone who works with asset data: the CMMS, SCADA and the historian, condition
monitoring data, and the dashboards and models built on them.

## Our aims
- A **single, trusted asset register** with sensible hierarchies and failure codes.
- Make telemetry useful to maintenance, not only to operations.
- Try predictive analytics on real problems, and be honest about what did not work.

Open to everyone in Acme: bring a question, a dataset or a dashboard you are proud of.
""",
    ),
)

LEADER, FACILITATOR, MEMBER = "leader", "facilitator", "member"

PERSONAS: tuple[Person, ...] = (
    Person(
        username="alice",
        name="Alice Whitfield",
        job_role="Knowledge Manager and site administrator",
        location="Bristol, UK",
        time_zone="Europe/London",
        bio="I run Practica for Acme and help communities get started. Ten years in "
        "knowledge management, before that a water quality scientist.",
        ask_me_about="Starting a community, Practica settings, finding the right expert",
        expertise=("lessons-learned", "change-management"),
        admin=True,
    ),
    Person(
        username="bob",
        name="Bob Okafor",
        job_role="Senior Reliability Engineer",
        location="Manchester, UK",
        time_zone="Europe/London",
        bio="Reliability engineer for the North West region's pumping stations. Previously a "
        "rotating-equipment engineer on offshore water injection. I co-lead the Pump "
        "Reliability Engineers community.",
        ask_me_about="Seal failures, bad-actor lists, RCM on pumping stations",
        expertise=("mechanical-seals", "root-cause-analysis", "rcm", "centrifugal-pumps"),
        communities={PUMPS: LEADER, PROJECTS: MEMBER, CHANGE: MEMBER, DATA: MEMBER},
    ),
    Person(
        username="charlie",
        name="Charlie Evans",
        job_role="Graduate Engineer, Capital Delivery",
        location="Birmingham, UK",
        time_zone="Europe/London",
        bio="Second-year graduate on the capital delivery scheme, currently on the Riverside "
        "treatment works upgrade. Learning as fast as I can.",
        ask_me_about="The graduate scheme, Riverside upgrade",
        expertise=("scheduling", "centrifugal-pumps"),
        communities={PUMPS: MEMBER, PROJECTS: MEMBER, DATA: MEMBER},
    ),
    Person(
        username="dana",
        name="Dana Kowalski",
        job_role="Reliability Consultant, Northwind Engineering",
        location="Gdańsk, Poland",
        time_zone="Europe/Warsaw",
        bio="Consultant with Northwind's reliability team, on site at Acme's southern region "
        "pumping stations two weeks a month. Vibration analyst (ISO Cat II).",
        ask_me_about="Vibration routes, bearing failures, Northwind's overhaul process",
        expertise=("vibration-analysis", "bearings"),
        communities={PUMPS: MEMBER},
        partner=True,
    ),
)

MEMBERS: tuple[Person, ...] = (
    Person(
        username="priya",
        name="Priya Raman",
        job_role="Reliability Engineer, Wastewater Operations",
        location="Perth, Australia",
        time_zone="Australia/Perth",
        bio="Chemical engineer turned reliability engineer. I look after 60 wastewater pumping "
        "stations and two treatment plants, and I am a facilitator here.",
        ask_me_about="Ragging in sewage pumps, RCA facilitation, wet well design",
        expertise=("submersible-pumps", "root-cause-analysis", "fmea"),
        communities={PUMPS: FACILITATOR, DATA: MEMBER},
    ),
    Person(
        username="tom.hendricks",
        name="Tom Hendricks",
        job_role="Lead Mechanical Technician",
        location="Joliet, Illinois, USA",
        time_zone="America/Chicago",
        bio="Twenty-six years on the tools: pumps, blowers, gearboxes. I teach the apprentices "
        "seal installation and laser alignment.",
        ask_me_about="Seal installation, laser alignment, overhauls, bearing fits",
        expertise=("mechanical-seals", "shaft-alignment", "bearings"),
        communities={PUMPS: MEMBER},
    ),
    Person(
        username="raj",
        name="Rajesh Iyer",
        job_role="Condition Monitoring Lead",
        location="Pune, India",
        time_zone="Asia/Kolkata",
        bio="I run the condition monitoring programme: vibration routes, oil analysis and "
        "thermography across 300 critical assets. ISO Cat III vibration analyst.",
        ask_me_about="Vibration spectra, oil analysis, setting alarm limits",
        expertise=("vibration-analysis", "lubrication", "bearings", "predictive-analytics"),
        communities={PUMPS: FACILITATOR, DATA: MEMBER},
    ),
    Person(
        username="kwame",
        name="Kwame Mensah",
        job_role="Head of Asset Reliability",
        location="London, UK",
        time_zone="Europe/London",
        bio="I lead the reliability engineering team and sponsor this community. Happiest "
        "when a bad actor drops off the list for good.",
        ask_me_about="Reliability strategy, RCM, making the case for investment",
        expertise=("rcm", "fmea", "preventive-maintenance"),
        communities={PUMPS: LEADER, DATA: MEMBER},
    ),
    Person(
        username="sarah.oconnell",
        name="Sarah O'Connell",
        job_role="Maintenance Planner",
        location="Dublin, Ireland",
        time_zone="Europe/Dublin",
        bio="Planner and scheduler for the Eastern region. If it is not in the CMMS it did "
        "not happen.",
        ask_me_about="Work order planning, PM optimisation, spares",
        expertise=("cmms", "preventive-maintenance", "spares"),
        communities={PUMPS: MEMBER, DATA: MEMBER},
    ),
    Person(
        username="marcus",
        name="Marcus Webb",
        job_role="Pumping Station Operations Supervisor",
        location="Leeds, UK",
        time_zone="Europe/London",
        bio="I supervise the crews that run 45 clean-water and sewage pumping stations in "
        "West Yorkshire.",
        ask_me_about="Running pumping stations, telemetry alarms, operator rounds",
        expertise=("centrifugal-pumps", "scada-historian"),
        communities={PUMPS: MEMBER, DATA: MEMBER},
    ),
    Person(
        username="helena",
        name="Helena Sousa",
        job_role="Asset Manager (Networks)",
        location="Lisbon, Portugal",
        time_zone="Europe/Lisbon",
        bio="Asset manager for the distribution network and its pumping stations. I sponsor "
        "the Asset Data & Analytics community.",
        ask_me_about="Asset investment planning, criticality, ISO 55000",
        expertise=("data-quality", "rcm", "dashboards"),
        communities={PUMPS: MEMBER, PROJECTS: MEMBER, DATA: MEMBER},
    ),
    Person(
        username="ingrid",
        name="Ingrid Larsen",
        job_role="Electrical Engineer, Motors and Drives",
        location="Bergen, Norway",
        time_zone="Europe/Oslo",
        bio="Electrical engineer specialising in induction motors, VFDs and harmonics.",
        ask_me_about="VFD settings, motor protection, bearing currents",
        expertise=("motors-and-drives",),
        communities={PUMPS: MEMBER},
    ),
    Person(
        username="luis",
        name="Luis Ortega",
        job_role="Process Engineer, Treatment Works",
        location="Denver, Colorado, USA",
        time_zone="America/Denver",
        bio="Process engineer at two surface water treatment works. I care about pumps "
        "because my dosing and filtration depend on them.",
        ask_me_about="Chemical dosing pumps, filter backwash, process control",
        expertise=("centrifugal-pumps", "cavitation"),
        communities={PUMPS: MEMBER, DATA: MEMBER},
    ),
    Person(
        username="jack",
        name="Jack Morrison",
        job_role="Reliability Engineer, Water Treatment",
        location="Brisbane, Australia",
        time_zone="Australia/Brisbane",
        bio="Mechanical engineer, five years in mining before joining Acme. Currently "
        "building the FMEA library for treatment works assets.",
        ask_me_about="FMEA, Weibull analysis, slurry pumps",
        expertise=("fmea", "rcm", "centrifugal-pumps"),
        communities={PUMPS: MEMBER, DATA: MEMBER},
    ),
    Person(
        username="mei",
        name="Mei Chen",
        job_role="Data Scientist, Asset Analytics",
        location="Sydney, Australia",
        time_zone="Australia/Sydney",
        bio="Data scientist in the asset analytics team. Previously forecasting demand for an "
        "electricity retailer. I lead the Asset Data & Analytics community.",
        ask_me_about="Anomaly detection, Python, survival models",
        expertise=("predictive-analytics", "dashboards", "scada-historian"),
        communities={DATA: LEADER, PUMPS: MEMBER},
    ),
    Person(
        username="ahmed",
        name="Ahmed Farouk",
        job_role="SCADA and Historian Engineer",
        location="Dubai, UAE",
        time_zone="Asia/Dubai",
        bio="I look after the telemetry system, the historian and the interfaces between "
        "them and everything else.",
        ask_me_about="Historian tags, alarm rationalisation, OPC",
        expertise=("scada-historian", "data-quality"),
        communities={DATA: MEMBER, PUMPS: MEMBER},
    ),
    Person(
        username="emma.lindqvist",
        name="Emma Lindqvist",
        job_role="Data Governance Lead",
        location="Stockholm, Sweden",
        time_zone="Europe/Stockholm",
        bio="Data governance for operational data: ownership, standards and quality rules.",
        ask_me_about="Data ownership, asset hierarchies, data quality rules",
        expertise=("data-quality", "cmms"),
        communities={DATA: FACILITATOR, CHANGE: MEMBER},
    ),
    Person(
        username="sanjay",
        name="Sanjay Patel",
        job_role="Business Analyst, EAM Programme",
        location="Bengaluru, India",
        time_zone="Asia/Kolkata",
        bio="Business analyst on the enterprise asset management programme: processes, "
        "requirements and data migration.",
        ask_me_about="EAM processes, data migration, user stories",
        expertise=("cmms", "data-quality", "change-management"),
        communities={DATA: MEMBER, CHANGE: MEMBER, PROJECTS: MEMBER},
    ),
    Person(
        username="sophie.martin",
        name="Sophie Martin",
        job_role="Programme Manager, Capital Delivery",
        location="Reading, UK",
        time_zone="Europe/London",
        bio="I run the £120m treatment works upgrade programme and lead the Project Managers "
        "community.",
        ask_me_about="Programme governance, NEC contracts, reporting to boards",
        expertise=("scheduling", "contracts", "risk-management"),
        communities={PROJECTS: LEADER, CHANGE: MEMBER},
    ),
    Person(
        username="grace",
        name="Grace Adeyemi",
        job_role="Project Controls Lead",
        location="London, UK",
        time_zone="Europe/London",
        bio="Planner by trade, now leading project controls: schedules, cost, earned value "
        "and risk. Primavera P6 since version 3.",
        ask_me_about="P6, earned value, schedule risk analysis",
        expertise=("scheduling", "earned-value", "risk-management"),
        communities={PROJECTS: FACILITATOR},
    ),
    Person(
        username="daniel",
        name="Daniel Kruger",
        job_role="Project Manager, Pipelines",
        location="Cape Town, South Africa",
        time_zone="Africa/Johannesburg",
        bio="I deliver trunk main and pipeline renewal projects: trenchless where we can, "
        "open cut where we must.",
        ask_me_about="Pipeline projects, trenchless methods, traffic management",
        expertise=("stakeholder-engagement", "contracts", "scope-control"),
        communities={PROJECTS: MEMBER},
    ),
    Person(
        username="olivia",
        name="Olivia Brennan",
        job_role="Project Manager, Treatment Plant Upgrades",
        location="Toronto, Canada",
        time_zone="America/Toronto",
        bio="Civil engineer, PMP. Currently delivering a UV disinfection retrofit on a live "
        "treatment plant.",
        ask_me_about="Working on live plants, commissioning, client-side PM",
        expertise=("scheduling", "stakeholder-engagement", "lessons-learned"),
        communities={PROJECTS: MEMBER},
    ),
    Person(
        username="hiro",
        name="Hiroshi Tanaka",
        job_role="Risk Manager, Capital Programme",
        location="Singapore",
        time_zone="Asia/Singapore",
        bio="Quantitative risk analyst. I run the Monte Carlo models behind our P50 and P80 "
        "numbers.",
        ask_me_about="Quantitative risk analysis, contingency, risk workshops",
        expertise=("risk-management", "scheduling"),
        communities={PROJECTS: MEMBER},
    ),
    Person(
        username="fatima",
        name="Fatima Benali",
        job_role="Commercial Manager",
        location="Lyon, France",
        time_zone="Europe/Paris",
        bio="Commercial manager for the capital programme: procurement, contracts, "
        "compensation events.",
        ask_me_about="NEC4, compensation events, supplier performance",
        expertise=("contracts", "scope-control"),
        communities={PROJECTS: MEMBER},
    ),
    Person(
        username="ben.carter",
        name="Ben Carter",
        job_role="Stakeholder Engagement Manager",
        location="Melbourne, Australia",
        time_zone="Australia/Melbourne",
        bio="I look after customers, councils and residents affected by our capital works.",
        ask_me_about="Community consultation, complaints, working with councils",
        expertise=("stakeholder-engagement", "communication-planning"),
        communities={PROJECTS: MEMBER, CHANGE: MEMBER},
    ),
    Person(
        username="nina",
        name="Nina Petrova",
        job_role="Change Manager, Transformation Programme",
        location="Berlin, Germany",
        time_zone="Europe/Berlin",
        bio="Change manager (Prosci certified) on the EAM and mobile work management rollouts. "
        "I lead the Change Practitioners community.",
        ask_me_about="ADKAR, change impact assessments, sponsor coaching",
        expertise=("adkar", "sponsorship", "resistance"),
        communities={CHANGE: LEADER},
    ),
    Person(
        username="james",
        name="James Whitaker",
        job_role="Head of Transformation",
        location="London, UK",
        time_zone="Europe/London",
        bio="I run the transformation office and sponsor the change practitioners.",
        ask_me_about="Portfolio prioritisation, benefits realisation",
        expertise=("sponsorship", "change-management"),
        communities={CHANGE: MEMBER, PROJECTS: MEMBER},
    ),
    Person(
        username="amara",
        name="Amara Okeke",
        job_role="Change Analyst",
        location="Glasgow, UK",
        time_zone="Europe/London",
        bio="Change analyst: impact assessments, readiness surveys and adoption dashboards.",
        ask_me_about="Readiness surveys, impact assessments, measuring adoption",
        expertise=("training-adoption", "change-management"),
        communities={CHANGE: FACILITATOR},
    ),
    Person(
        username="lucas",
        name="Lucas Ferreira",
        job_role="Training and Adoption Lead",
        location="São Paulo, Brazil",
        time_zone="America/Sao_Paulo",
        bio="I design the training for new systems and run the super-user network.",
        ask_me_about="Super-user networks, training design, floor-walking",
        expertise=("training-adoption",),
        communities={CHANGE: MEMBER},
    ),
    Person(
        username="rachel",
        name="Rachel Goldberg",
        job_role="Internal Communications Partner",
        location="New York, USA",
        time_zone="America/New_York",
        bio="Internal comms for operations and the transformation programme.",
        ask_me_about="Change communications, manager briefings, intranet",
        expertise=("communication-planning",),
        communities={CHANGE: MEMBER},
    ),
    Person(
        username="erik",
        name="Erik Nordström",
        job_role="Principal Rotating Equipment Engineer, Northwind Engineering",
        location="Gothenburg, Sweden",
        time_zone="Europe/Stockholm",
        bio="Thirty years with centrifugal pumps, from design office to field service. I "
        "lead Northwind's pump engineering team.",
        ask_me_about="Pump hydraulics, impeller trims, suction conditions",
        expertise=("centrifugal-pumps", "cavitation", "mechanical-seals"),
        communities={PUMPS: MEMBER},
        partner=True,
    ),
    Person(
        username="lena.fischer",
        name="Lena Fischer",
        job_role="Vibration Analyst, Northwind Engineering",
        location="Hamburg, Germany",
        time_zone="Europe/Berlin",
        bio="ISO Cat III vibration analyst. I run Northwind's remote monitoring service.",
        ask_me_about="Spectrum analysis, resonance, wireless sensors",
        expertise=("vibration-analysis", "bearings"),
        communities={PUMPS: MEMBER},
        partner=True,
    ),
    Person(
        username="carlos",
        name="Carlos Mendes",
        job_role="Field Service Engineer, Northwind Engineering",
        location="Houston, Texas, USA",
        time_zone="America/Chicago",
        bio="Field service engineer: commissioning, overhauls and troubleshooting on site.",
        ask_me_about="Commissioning, overhaul quality, baseplates and grouting",
        expertise=("shaft-alignment", "centrifugal-pumps"),
        communities={PUMPS: MEMBER},
        partner=True,
    ),
    Person(
        username="yusuf",
        name="Yusuf Demir",
        job_role="Pump Applications Engineer, Northwind Engineering",
        location="Istanbul, Türkiye",
        time_zone="Europe/Istanbul",
        bio="Applications engineer: pump selection, system curves, energy audits.",
        ask_me_about="Pump selection, system curves, energy efficiency",
        expertise=("centrifugal-pumps", "motors-and-drives"),
        communities={PUMPS: MEMBER},
        partner=True,
    ),
)

PEOPLE: tuple[Person, ...] = PERSONAS + MEMBERS
