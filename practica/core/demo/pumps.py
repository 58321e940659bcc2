"""Questions in Pump Reliability Engineers (open, admits Northwind's engineers)."""

from .records import Answer, Comment, Question

QUESTIONS: tuple[Question, ...] = (
    Question(
        key="seal-75kw-six-weeks",
        author="charlie",
        asked="2026-02-03 08:40",
        title="Mechanical seal on a 75 kW end-suction pump fails every 6 weeks — what should I "
        "check first?",
        topics=("mechanical-seals", "centrifugal-pumps", "root-cause-analysis"),
        up="bob tom.hendricks priya erik raj",
        body="""
            Riverside treatment works, final water transfer pump P-204 (end-suction, 75 kW,
            1,480 rpm, about 180 m³/h at 42 m). It has a single cartridge seal, flush plan 11.

            Since it was overhauled last September the seal has failed **four times**, roughly
            every six weeks. Each time it starts as a drip and within two days it is a steady
            stream.

            What we have done so far:
            - replaced the seal with the same OEM cartridge each time;
            - checked the alignment after each replacement (within 0.05 mm);
            - the bearings sound fine and the vibration is 2.1 mm/s overall.

            The other two pumps on the same header have not had a seal failure in three years.
            Where would you start?
        """,
        comments=(
            Comment("priya", 3, "Have you kept the failed seals? The faces will tell you a lot."),
            Comment("charlie", 5, "Two of them are in the workshop, I'll get photos."),
        ),
        answers=(
            Answer(
                "tom.hendricks",
                4,
                """
                Look at the faces before anything else. Heat checking (fine radial cracks) and
                blistering on the carbon mean the faces ran hot or dry; chipped edges mean
                vibration or the seal was set wrong; uniform wear with a good pattern means the
                seal simply wore out and something else is going on.

                Two installation things I see a lot after overhauls:
                1. **Setting clips left in**, or removed before the gland bolts were tightened.
                2. Gland bolts pulled up unevenly, so the cartridge sits cocked on the sleeve.

                Both give you exactly your pattern: fine for a few weeks, then a fast failure.
                """,
                up="charlie priya bob",
                comments=(
                    Comment("charlie", 20, "No clips left in, but I'll check the gland torque."),
                ),
            ),
            Answer(
                "erik",
                7,
                """
                "The other two pumps are fine" is the clue. Same seal, same water, same header:
                what is different about P-204 is most likely **where it runs on its curve**.

                Check the discharge pressure and flow against the pump curve. If it runs far
                left of best efficiency (say below 60 % of BEP flow) you get shaft deflection
                and internal recirculation, and the seal faces see it first. After an overhaul
                it is common for someone to have throttled the discharge valve "temporarily".

                If it is running back on its curve, fix the operating point (open the valve,
                trim or slow the pump) rather than buying a better seal.
                """,
                up="charlie bob tom.hendricks raj priya luis yusuf",
                accepted=True,
                comments=(
                    Comment(
                        "charlie",
                        30,
                        "Found it: the discharge valve was left at 30 % open after the "
                        "overhaul. It was running at about 70 m³/h. Valve open, and the new "
                        "seal has run three months so far. Thank you!",
                    ),
                    Comment("erik", 31, "Classic. Worth a lock or a tag on that valve."),
                ),
            ),
            Answer(
                "bob",
                26,
                """
                Agree with Tom and Erik. Once you have fixed it, please write it up as a short
                RCA: four failures at roughly £2,400 each plus call-outs is worth ten minutes of
                writing, and it will help the next person who searches for "seal failure".

                Also add a check of the discharge valve position to the post-overhaul
                commissioning sheet.
                """,
                up="charlie kwame",
            ),
        ),
    ),
    Question(
        key="ragging-submersibles",
        author="priya",
        asked="2026-02-10 01:15",
        title="Submersible sewage pumps at a 30 L/s station rag up twice a week — what has "
        "worked for you?",
        topics=("submersible-pumps", "motors-and-drives"),
        comments=(
            Comment(
                "marcus",
                2,
                "Are the VFDs set to ramp up slowly on start? A fast start pulls less rag in.",
            ),
            Comment(
                "priya", 5, "Ramp is 10 s. I'll check what it was before the estate connected."
            ),
        ),
        up="marcus bob kwame erik",
        body="""
            Kwinana Road sewage pumping station: two 22 kW submersibles, duty/standby, about
            30 L/s at 18 m. Since the new housing estate connected last year we have had
            **blockages twice a week**: wet wipes and rags wrapped around the impeller. Every
            call-out needs a crane truck and two people.

            We are considering:
            - chopper impellers;
            - a macerator or screen at the inlet (expensive, and it needs power and space);
            - an anti-ragging function on the drive (we have VFDs fitted).

            What has actually worked for you, and what did not?
        """,
        answers=(
            Answer(
                "marcus",
                6,
                """
                We had the same at three stations in Leeds. What worked, in order of cost:

                1. **Drive-based de-ragging**: on high current the drive stops, runs the pump
                   in reverse for a few seconds, then restarts. It cleared about 70 % of our
                   partial blockages without a call-out.
                2. A **pump-down cleaning cycle** once a day: run the well down to snore level
                   so the floating rag goes through while it is still loose.
                3. **Self-cleaning impellers** (the N-type kind with a relief groove) on the
                   worst station.

                A macerator was not worth it for a station that size.
                """,
                up="priya bob ingrid kwame",
                comments=(
                    Comment("priya", 8, "How long is your reverse run, and at what speed?"),
                    Comment("marcus", 10, "5 seconds reverse at 30 Hz, up to three attempts."),
                ),
            ),
            Answer(
                "ingrid",
                20,
                """
                On the drive side, two settings make the difference:

                - Set the **ragging current threshold** on the actual current at the duty
                  point plus 10–15 %, not the motor's nameplate current, or it never trips.
                - Make sure the drive may run in reverse: some installations have a reverse
                  lock-out because of non-return valve concerns. A few seconds with the valve
                  closed is fine.

                Log each de-ragging event to SCADA: it tells you which stations are getting
                worse before they block.
                """,
                up="priya marcus ahmed bob mei",
                accepted=True,
                comments=(
                    Comment(
                        "ahmed",
                        26,
                        "Happy to add a de-ragging counter tag for each station in the "
                        "historian; send me the list.",
                    ),
                ),
            ),
            Answer(
                "erik",
                30,
                """
                From the pump side: chopper impellers work, but they wear faster and cost 15–20
                % more energy. I would try Marcus's cleaning cycle and de-ragging first, then
                self-cleaning impellers. Keep the cutting option for stations where the rag
                load is extreme (hospitals, prisons).
                """,
                up="priya marcus",
            ),
        ),
    ),
    Question(
        key="vibration-alarm-limits",
        author="jack",
        asked="2026-02-18 22:05",
        title="What vibration alarm limits do you use for pumps: ISO 20816 zones or your own "
        "baselines?",
        topics=("vibration-analysis", "centrifugal-pumps"),
        comments=(
            Comment(
                "dana",
                4,
                "Are the vertical pumps measured at the motor top bearing? Their limits need "
                "to be different.",
            ),
        ),
        up="raj lena.fischer dana priya",
        body="""
            I am setting up alarm limits for about 120 pumps on our new condition monitoring
            system. Most are 15–200 kW horizontal end-suction and split-case pumps, a few
            vertical turbine pumps.

            Do you use the ISO 20816 zone boundaries (e.g. 4.5 mm/s RMS alert for rigid
            mounting), or do you set limits from each machine's own baseline? If baselines,
            how many readings before you trust them?
        """,
        answers=(
            Answer(
                "raj",
                9,
                """
                Both. We use the ISO zones as a **ceiling** and the baseline to catch change
                early:

                | level | rule |
                |---|---|
                | alert | baseline × 2, but never above the ISO zone B/C boundary |
                | danger | baseline × 4, or the zone C/D boundary, whichever is lower |

                Baseline: at least 6 readings over 2–3 months at normal duty, after any
                overhaul settles. For variable-speed pumps keep baselines per speed band.

                Overall velocity alone misses early bearing faults, so add an enveloped
                acceleration (bearing condition) alarm as well.
                """,
                up="jack lena.fischer dana priya bob kwame",
                accepted=True,
            ),
            Answer(
                "lena.fischer",
                14,
                """
                One addition from Northwind's monitoring service: set **band alarms** as well
                as the overall level. A 1× band, a 2× band, a vane-pass band and a high
                frequency band. A doubling of vane-pass energy can hide inside a perfectly
                normal overall reading.
                """,
                up="raj jack dana",
            ),
        ),
    ),
    Question(
        key="bearing-temperature-greasing",
        author="marcus",
        asked="2026-02-25 14:30",
        title="Bearing temperature climbs to 85 °C for a day after every greasing — are we "
        "over-greasing?",
        topics=("lubrication", "bearings"),
        up="raj tom.hendricks sarah.oconnell",
        body="""
            Our fitters grease the pump bearings (6313 deep groove, 1,480 rpm) monthly, "two
            pumps of the gun until you see it come out". After each greasing the DE bearing
            runs at 80–85 °C for about a day, then settles back to 55 °C.

            Is this normal, or are we doing damage? What quantity should we use?
        """,
        answers=(
            Answer(
                "raj",
                5,
                """
                That temperature spike is the classic sign of **over-greasing**: the bearing is
                churning excess grease until it is pushed out. Do it every month and you
                shorten grease life and the bearing's.

                Rule of thumb for replenishment: **G = 0.005 × D × B** (grams, D outer
                diameter and B width in mm). For a 6313 (140 × 33 mm) that is about **23 g**.
                Weigh what one pump of your gun delivers: often 1–2 g, sometimes more.

                The interval depends on speed and size; for a 6313 at 1,480 rpm it is more like
                every 2–3 months than monthly. Better still, grease with an ultrasound meter
                and stop when the noise drops.
                """,
                up="marcus tom.hendricks sarah.oconnell dana lena.fischer",
                accepted=True,
                comments=(
                    Comment("marcus", 4, "Weighed it: 1.4 g a pump. So we were way off both ways."),
                ),
            ),
            Answer(
                "tom.hendricks",
                8,
                """
                And open the drain plug when you grease, run the pump for 20–30 minutes, then
                refit the plug. Otherwise the old grease has nowhere to go except through the
                seal.
                """,
                up="marcus raj",
            ),
        ),
    ),
    Question(
        key="soft-foot-tolerance",
        author="charlie",
        asked="2026-03-04 10:10",
        title="How much soft foot is acceptable before alignment, and how do you fix it properly?",
        topics=("shaft-alignment",),
        comments=(
            Comment("tom.hendricks", 1, "Good instinct to question it. Measure before you shim."),
        ),
        up="tom.hendricks carlos",
        body="""
            Aligning a 45 kW motor to a pump for the first time under supervision. The laser
            tool's soft foot check reads 0.02, 0.11, 0.04 and 0.03 mm on the four feet.

            What is acceptable, and what is the right way to correct the 0.11 mm foot? My
            supervisor said "just add a shim under it", which feels too easy.
        """,
        answers=(
            Answer(
                "carlos",
                3,
                """
                Common acceptance is **0.05 mm (2 thou)** per foot, so the 0.11 foot needs
                fixing. Your supervisor is half right: first find out *what kind* of soft foot
                it is.

                - **Parallel** (the foot sits flat but high or low): a shim fixes it.
                - **Angular** (the foot touches on one edge): a shim makes it worse; you need a
                  step shim or to machine the foot or base.
                - **Induced** (pipe strain or a bent foot): the reading changes when you loosen
                  other bolts. Fix the cause.

                Use feeler gauges around the loosened foot to see which. Keep it to at most 3–4
                stainless shims under a foot, no painted or rusty ones.
                """,
                up="charlie tom.hendricks bob",
                accepted=True,
            ),
            Answer(
                "tom.hendricks",
                6,
                """
                Carlos has it. One habit that saves time: loosen one foot at a time and watch
                the dial, always in the same order, and re-check all four after you shim. Soft
                foot corrections interact.
                """,
                up="charlie carlos",
            ),
        ),
    ),
    Question(
        key="split-case-packing-conversion",
        author="helena",
        asked="2026-03-09 09:00",
        title="Is it worth converting 1970s split-case pumps from gland packing to cartridge "
        "seals?",
        topics=("mechanical-seals", "centrifugal-pumps"),
        up="bob kwame",
        body="""
            We have 14 split-case pumps from the 1970s (200–450 kW) at our raw water
            stations, all with gland packing. The operators adjust the packing weekly and we
            lose a fair amount of water to drains. A supplier is offering cartridge seal
            conversions at about £6,000 per pump.

            Has anyone done this? Payback, problems, regrets?
        """,
        answers=(
            Answer(
                "bob",
                22,
                """
                We converted 12 in the North West between 2021 and 2023. Results:

                - Leakage and operator time: gone. That alone paid back in about 3 years.
                - Two pumps had **shaft sleeves too worn** to seal on; new sleeves added £1,800
                  each, so survey the sleeves first.
                - One pump has had three seal failures since: its shaft runout was 0.12 mm. We
                  should have measured runout before choosing it.

                Overall, yes, but pick the pumps with good shafts.
                """,
                up="helena kwame erik",
                accepted=True,
            ),
            Answer(
                "erik",
                25,
                """
                Check the stuffing box dimensions before buying: many older casings have
                boxes too shallow for a standard cartridge, and the "conversion kit" then
                needs a spacer that moves the seal outboard. It works, but the overhang adds
                deflection.

                Keep the runout limit at 0.05 mm TIR for the seal, as Bob found out.
                """,
                up="helena bob",
            ),
            Answer(
                "tom.hendricks",
                48,
                """
                I will be the contrarian. Packing done right (correct rings, staggered joints,
                run-in slowly, adjusted to 40–60 drops a minute) is cheap and forgiving on old
                pumps with imperfect shafts. Much of the weekly adjustment I see is because the
                packing was installed badly in the first place.

                Train the crews before you spend £84,000.
                """,
                up="helena marcus",
                down="kwame",
                comments=(
                    Comment(
                        "kwame",
                        2,
                        "Fair, but the water loss still counts against "
                        "packing on the raw water side.",
                    ),
                    Comment("tom.hendricks", 5, "Sure, but 40 drops a minute is not much water."),
                ),
            ),
        ),
    ),
    Question(
        key="vfd-bearing-fluting",
        author="dana",
        asked="2026-03-16 07:45",
        title="Fluting on the motor NDE bearing of a VFD-driven 110 kW pump — grounding ring "
        "or insulated bearing?",
        topics=("motors-and-drives", "bearings", "vibration-analysis"),
        comments=(Comment("lena.fischer", 2, "Do you have the spectrum? Happy to look at it."),),
        up="lena.fischer raj ingrid",
        body="""
            On a route at Harbour Road we found a high-frequency pattern on the NDE motor
            bearing of pump P2 (110 kW, VFD, installed 2024). Inspection after replacement
            showed the typical **washboard fluting** on the outer race: electrical discharge
            damage.

            The motor has standard bearings, no shaft grounding. What is the best fix: a
            shaft grounding ring, an insulated NDE bearing, or both? And should we check the
            other VFD pumps on site?
        """,
        answers=(
            Answer(
                "ingrid",
                10,
                """
                At 110 kW I would do both:

                1. **Insulated (ceramic-coated or hybrid) NDE bearing** to break the
                   circulating current path that larger motors get.
                2. **Shaft grounding ring on the DE** to bleed the common-mode voltage to
                   earth rather than through the pump bearings.

                Also check the installation: **symmetrical shielded VFD cable**, with the shield
                terminated 360° at both ends, and a good high-frequency bond between motor and
                pump frame. Poor cabling is the root cause more often than the motor.

                And yes: check every VFD motor on that site, starting with those on the same
                cable route.
                """,
                up="dana lena.fischer raj bob",
                accepted=True,
                comments=(Comment("dana", 6, "Cable is unshielded SWA. That explains a lot."),),
            ),
            Answer(
                "raj",
                15,
                """
                For finding the others before they fail: fluting shows as a raised haystack
                around 1–3 kHz in velocity spectra and clear bearing defect frequencies in
                envelope later on. A shaft voltage probe reading above ~10 V peak is a warning.
                """,
                up="dana lena.fischer",
            ),
        ),
    ),
    Question(
        key="npsh-margin-low-levels",
        author="luis",
        asked="2026-03-23 15:20",
        title="Cavitation noise only at low reservoir levels — how much NPSH margin should we "
        "design for?",
        topics=("cavitation", "centrifugal-pumps"),
        comments=(
            Comment("yusuf", 3, "What is the water temperature in summer? It matters for NPSHa."),
        ),
        up="erik yusuf jack",
        body="""
            Our clear-water pumps at the Eastside works sound like gravel when the clear-water
            tank drops below about 1.5 m. The manufacturer's NPSHr at duty is 4.2 m and we
            calculated NPSHa of 5.0 m at the low level, so on paper we have margin.

            We are replacing the pumps next year. What margin (or ratio) do you design for?
        """,
        answers=(
            Answer(
                "erik",
                12,
                """
                0.8 m is not real margin. Published NPSHr is the point where head has
                **already dropped 3 %**: cavitation starts well before that. Guidance (ANSI/HI
                9.6.1) gives NPSH margin ratios (NPSHa / NPSHr) from about **1.1 to 2.5**
                depending on the application and suction energy; for clean water pumps
                running continuously I would not go below **1.3**, and more for high suction
                energy pumps.

                Also check your NPSHa calculation at the **lowest level with the highest
                water temperature and the dirtiest suction strainer**, not the design case.
                And vortexing at low level can sound the same: look for air-entraining
                swirls at the suction.
                """,
                up="luis yusuf jack bob priya",
                accepted=True,
            ),
            Answer(
                "yusuf",
                30,
                """
                For the replacement, ask the bidders for NPSHr **at your minimum and maximum
                flow**, not only at duty. Pumps that run right of BEP when the tank is low (head
                drops, flow rises) need far more NPSH exactly when you have least.
                """,
                up="luis erik",
            ),
        ),
    ),
    Question(
        key="critical-spares-central-or-local",
        author="sarah.oconnell",
        asked="2026-04-01 11:00",
        title="How do you decide which pump spares to hold centrally and which at each station?",
        topics=("spares", "centrifugal-pumps"),
        up="kwame bob",
        body="""
            We hold spares for about 400 pumps across 60 sites. Some sites have their own
            stores, most rely on the central store in Dublin (up to 4 hours away). Stock value
            is €1.9m and finance want it down by 20 %.

            How do you decide what lives where, and what you stop holding altogether?
        """,
        answers=(
            Answer(
                "kwame",
                18,
                """
                We use a simple matrix of **criticality** × **lead time** × **commonality**:

                - Critical pump, long lead time, unique part: hold at site (or the nearest hub).
                - Critical, long lead time, common part: hold centrally, **pooled** across
                  sites with a same-day courier.
                - Non-critical or short lead time: no stock; rely on the supplier agreement.

                The biggest win for us was **rotating assemblies**: one spare assembly per pump
                model, exchanged and refurbished, instead of bearings, seals, sleeves and
                impellers for each pump. It cut stock and mean time to repair.

                Also look for items with no issue in five years: we wrote off 30 % of line
                items that way.
                """,
                up="sarah.oconnell bob helena jack",
                accepted=True,
            ),
            Answer(
                "bob",
                30,
                """
                Check the condition of what you hold too. We found spare motors with flat-spotted
                bearings (never rotated in storage) and seals past their shelf life. Holding a
                spare that fails on fitting is the worst of both worlds.
                """,
                up="sarah.oconnell kwame",
            ),
        ),
    ),
    Question(
        key="check-valve-slam",
        author="marcus",
        asked="2026-04-08 06:50",
        title="Check valve slam on pump trip at a booster station — dashpot, a different "
        "valve, or a slow stop on the drive?",
        topics=("centrifugal-pumps", "motors-and-drives"),
        comments=(
            Comment(
                "erik",
                5,
                "Is there an air valve at the high point of the main? Worth checking too.",
            ),
        ),
        up="yusuf ingrid erik",
        body="""
            Moorside booster station: three 55 kW pumps on VFDs pushing up a 2 km rising main
            with about 45 m static. When a pump trips on a power blip, the swing check valve
            slams loud enough to hear from the road, and we have had two gasket failures on the
            discharge manifold this year.

            Options suggested so far: a dashpot on the swing check, replacing them with nozzle
            (silent) check valves, or a longer ramp-down on the drives. Which would you do?
        """,
        answers=(
            Answer(
                "yusuf",
                8,
                """
                A slower ramp-down on the drive only helps on **controlled** stops; on a power
                failure or trip the pump coasts down in a second or two whatever the drive
                says, and that is exactly when you get the slam.

                The slam happens because the flow reverses before the swing disc has closed.
                With 45 m static on a long main that happens fast. A **nozzle check valve**
                (spring-assisted, short stroke) closes before reversal and is the usual fix. A
                dashpot on a swing check is a second-best retrofit.

                With those numbers I would also ask for a **surge analysis** of the main:
                column separation on a power failure is a bigger risk than the noise.
                """,
                up="marcus erik ingrid bob",
                accepted=True,
            ),
            Answer(
                "ingrid",
                12,
                """
                Agree. Keep the longer ramp-down anyway for normal stops (30–60 s is common),
                and consider a UPS on the drive controls so a short blip does not trip all three
                pumps at once.
                """,
                up="marcus yusuf",
            ),
        ),
    ),
    Question(
        key="oil-analysis-small-housings",
        author="jack",
        asked="2026-04-15 23:30",
        title="Is oil analysis worth it on small pump bearing housings (under 1 litre)?",
        topics=("lubrication", "preventive-maintenance"),
        up="raj sarah.oconnell",
        body="""
            Our oil analysis contract costs about £35 a sample. We sample every oil-lubricated
            pump quarterly, including many with bearing housings holding 0.5–0.8 litres.

            For those small sumps, changing the oil costs less than analysing it. Is there
            any point, or should we just change the oil on a time basis?
        """,
        answers=(
            Answer(
                "raj",
                7,
                """
                For small non-critical sumps: change on time (every 6–12 months, depending on
                temperature) and stop sampling. For **critical** pumps keep sampling, but for
                a different reason: the value is in **wear debris and water**, i.e. finding
                a failing bearing or a leaking seal early, not in deciding when to change oil.

                Two cheap checks fill the gap for the rest: a look at the oil in a clear
                sight-glass or bottom sample (cloudy = water), and a magnetic drain plug.
                """,
                up="jack sarah.oconnell lena.fischer",
                accepted=True,
            ),
        ),
    ),
    Question(
        key="2x-vibration-after-overhaul",
        author="bob",
        asked="2026-04-22 09:15",
        title="Vibration at 2× running speed after every overhaul by our contractor — "
        "misalignment, or something else?",
        topics=("vibration-analysis", "shaft-alignment"),
        up="raj lena.fischer kwame",
        body="""
            Three pumps overhauled by the same workshop this year all came back with a
            dominant **2× peak**, radial and axial, around 3.5 mm/s overall (baseline before
            overhaul 1.5 mm/s). The workshop's alignment report shows everything within
            0.03 mm.

            Before I have a difficult conversation with the workshop: what else gives 2×, and
            how do I prove it?
        """,
        answers=(
            Answer(
                "lena.fischer",
                5,
                """
                2× radial with strong axial is textbook **misalignment**, but confirm with
                **phase**: measure axial phase on both sides of the coupling. Misalignment shows
                roughly 180° across the coupling; a bent shaft shows 180° axially across the
                same machine (DE to NDE on the pump).

                Other causes of 2×: looseness (usually with many harmonics), a cocked bearing,
                or coupling problems. An alignment report at 0.03 mm that was taken **cold**
                on a pump that grows thermally can still be out when hot.

                @carlos has done a lot of hot alignment checks and may have thoughts.
                """,
                up="bob raj kwame dana",
                accepted=True,
                comments=(
                    Comment(
                        "bob",
                        28,
                        "Phase says misalignment on all three. Checking the thermal offsets next.",
                    ),
                ),
            ),
            Answer(
                "carlos",
                9,
                """
                Ask the workshop for the **target offsets** they aligned to. Pumps moving hot
                water, or motors that run warm, need cold offsets so they line up at operating
                temperature. If the report says 0.00 target, nobody applied the manufacturer's
                thermal growth figures.

                Best proof: a quick laser check after a couple of hours' running, straight
                after shutdown.
                """,
                up="bob lena.fischer tom.hendricks",
                comments=(
                    Comment(
                        "bob",
                        50,
                        "Confirmed: zero targets on all three. @tom.hendricks re-aligned P3 "
                        "with offsets and 2× dropped to 1.2 mm/s.",
                    ),
                ),
            ),
        ),
    ),
    Question(
        key="wear-ring-efficiency",
        author="luis",
        asked="2026-05-02 16:40",
        title="Efficiency dropped 8 % on our high-lift pumps — how do you decide when to "
        "refurbish wear rings?",
        topics=("centrifugal-pumps", "preventive-maintenance"),
        comments=(
            Comment(
                "helena", 4, "If the numbers hold up this could go in next year's energy programme."
            ),
        ),
        up="yusuf erik helena",
        body="""
            Energy monitoring shows our four high-lift pumps (250 kW each, running most of the
            year) using about 8 % more kWh per Ml than when new in 2019. Flow tests suggest
            internal recirculation: worn wear rings.

            Refurbishing a pump costs about £14,000 and takes it out for three weeks. How do you
            decide when it pays?
        """,
        answers=(
            Answer(
                "yusuf",
                10,
                """
                Treat it as an energy project. With your numbers:

                - 250 kW × ~7,000 h/year × 8 % ≈ **140 MWh per pump per year**;
                - at £0.20/kWh that is **£28,000 a year**, so a £14,000 refurbishment pays back
                  in about six months.

                Confirm the loss pump by pump first: a **thermodynamic efficiency test** (or at
                least flow, head and power at two points) tells you which pumps have lost the
                most. Then refurbish the worst first. Refurbish to design clearances and set a
                trigger, e.g. 5 % efficiency loss, for the next time.
                """,
                up="luis helena erik kwame bob",
                accepted=True,
            ),
            Answer(
                "erik",
                14,
                """
                Agree with Yusuf. On clearances: a common rule is to refurbish when the
                diametral wear ring clearance reaches **about twice the design value**. If
                you are pumping water with fine sand, consider harder ring materials or
                replaceable rings on both impeller and casing if you do not have them.
                """,
                up="luis yusuf",
            ),
        ),
    ),
    Question(
        key="alignment-tolerances-1500",
        author="priya",
        asked="2026-05-11 03:20",
        title="What alignment tolerances do you actually use at 1,500 rpm?",
        topics=("shaft-alignment",),
        up="tom.hendricks carlos jack",
        body="""
            We are writing a common alignment standard for wastewater pumps (mostly 4-pole,
            1,450–1,480 rpm, flexible couplings). The tolerance tables I have found disagree,
            and the coupling manufacturer allows far more than anyone would accept.

            What offset and angularity limits do you use?
        """,
        answers=(
            Answer(
                "tom.hendricks",
                6,
                """
                What we teach, for short flexible couplings at 1,500 rpm:

                | | acceptable | excellent |
                |---|---|---|
                | offset | 0.09 mm | 0.06 mm |
                | angularity | 0.07 mm per 100 mm | 0.05 mm per 100 mm |

                The coupling's allowable misalignment is what the **coupling** tolerates; the
                bearings and seal want much less. Align to "excellent" when it takes less than
                15 minutes more, and record the as-left readings in the CMMS.
                """,
                up="priya carlos jack bob raj",
                accepted=True,
            ),
            Answer(
                "carlos",
                9,
                """
                Same numbers as Tom's in our procedures. Add to your standard: maximum soft
                foot 0.05 mm, pipe strain check (the dial must not move more than 0.05 mm when
                the flanges are unbolted), and thermal offsets where the manufacturer gives
                them.
                """,
                up="priya tom.hendricks",
            ),
        ),
    ),
    Question(
        key="rca-without-blame",
        author="kwame",
        asked="2026-05-19 12:00",
        title="How do you stop an RCA turning into a blame session when an operator's call "
        "led to the failure?",
        topics=("root-cause-analysis",),
        comments=(
            Comment(
                "priya", 1, "Happy to facilitate it if you'd like someone from outside the region."
            ),
        ),
        up="priya bob jack",
        body="""
            We are about to run an RCA on a pump failure where the operator restarted a pump
            three times after a high-temperature trip, and the bearing seized. Everyone already
            "knows" whose fault it was, and the operator is dreading it.

            How do you run it so that we learn something and do not just end up with "operator
            error" and a retraining action?
        """,
        answers=(
            Answer(
                "priya",
                4,
                """
                Some things that work for me:

                - **Ground rules at the start**, said by the most senior person in the room: we
                  are looking for why the system allowed this, not who.
                - Ask **"why did it make sense at the time?"** Operators rarely do things they
                  think are dangerous. Was the trip known for false alarms? Was there pressure
                  to keep the station running? Did the procedure say what to do?
                - "Operator error" is never a root cause; keep asking why until you reach
                  something you can change (alarm design, procedure, training, staffing).
                - Invite the operator to help write the timeline before the session, so they
                  are a contributor rather than a subject.
                """,
                up="kwame bob jack marcus tom.hendricks",
                accepted=True,
                comments=(
                    Comment(
                        "marcus",
                        6,
                        "From the ops side: that high temp trip has tripped falsely about "
                        "once a month for a year. Nobody trusted it.",
                    ),
                    Comment("kwame", 7, "Which is exactly the kind of thing we need to hear."),
                ),
            ),
            Answer(
                "bob",
                20,
                """
                And make the actions system actions. Of the last 20 RCAs in our region, the
                ones that ended with "retrain operator" all had repeat failures; the ones that
                changed the alarm, the interlock or the procedure did not.
                """,
                up="kwame priya",
            ),
        ),
    ),
    Question(
        key="run-to-failure-small-submersibles",
        author="sarah.oconnell",
        asked="2026-05-28 08:30",
        title="Is run-to-failure acceptable for duty/standby submersibles under 15 kW?",
        topics=("rcm", "submersible-pumps", "preventive-maintenance"),
        up="kwame jack",
        body="""
            We do a six-monthly PM (insulation test, oil check, impeller inspection) on about
            180 small submersibles (under 15 kW) at duty/standby sewage stations. Each PM
            needs a crane truck and takes half a day.

            Looking at five years of work orders, the PMs rarely find anything. Could we run
            these to failure and replace the pump when it fails?
        """,
        answers=(
            Answer(
                "kwame",
                12,
                """
                RCM logic says run-to-failure is fine when the failure is **evident** and its
                consequences are tolerable. With a standby pump that is often true, **if**:

                - the changeover to standby is automatic and **alarmed** (you know the duty
                  pump failed);
                - you can replace the failed pump before the standby fails too (stock and
                  response time);
                - there is enough storage or overflow consent for the time both are down.

                Keep a cheap check that finds the hidden failure: the standby not starting.
                Automatic duty rotation does that for free.
                """,
                up="sarah.oconnell jack priya",
            ),
            Answer(
                "priya",
                20,
                """
                Careful with "the PMs rarely find anything": check whether the insulation
                resistance readings trend down before failures. In our data the megger test
                found **moisture ingress months before** the pump failed in about a third of
                cases. We kept the insulation test (it can be done from the panel, no crane)
                and dropped the lift-and-inspect.
                """,
                up="sarah.oconnell kwame",
                comments=(
                    Comment(
                        "sarah.oconnell",
                        26,
                        "That split makes a lot of sense. I'll pull the megger readings and see.",
                    ),
                ),
            ),
        ),
    ),
    Question(
        key="impeller-trim-or-vfd",
        author="luis",
        asked="2026-06-15 17:10",
        title="Pump oversized by 25 % — trim the impeller or fit a VFD?",
        topics=("centrifugal-pumps", "motors-and-drives"),
        up="yusuf erik ingrid",
        body="""
            Our backwash water pump was sized for a future expansion that never came. It runs
            against a throttled valve at about 75 % of design flow. Static head is about 70 %
            of the total head at duty.

            Trim the impeller, or fit a VFD? Cost is similar.
        """,
        answers=(
            Answer(
                "yusuf",
                8,
                """
                With **70 % static head** the affinity laws do not save you as much as people
                expect: the system curve is flat, so slowing the pump quickly runs it back
                towards shut-off. A VFD makes sense when the duty varies or friction dominates.

                For a fixed duty that is permanently lower, a **trim** is cheaper to run and
                simpler. Trim to meet the actual duty with a small margin, open the valve
                fully, and keep the original impeller diameter on record for the day the
                expansion comes.
                """,
                up="luis erik ingrid bob",
                accepted=True,
            ),
            Answer(
                "ingrid",
                10,
                """
                One more point for the trim: a VFD adds about 3 % losses in the drive itself
                and harmonics to deal with. For a backwash pump that runs a few hours a day,
                the VFD's energy saving over a trim may never pay for its maintenance.
                """,
                up="luis yusuf",
            ),
        ),
    ),
    Question(
        key="wireless-vibration-sensors",
        author="marcus",
        asked="2026-07-07 13:25",
        title="Has anyone trialled wireless vibration sensors on remote pumping stations?",
        topics=("vibration-analysis", "predictive-analytics"),
        up="raj lena.fischer mei dana",
        body="""
            Our route-based vibration monitoring reaches the remote stations every three
            months at best. Vendors are pitching wireless sensors (battery, LoRaWAN or
            cellular) at around £300–£600 a point.

            Has anyone trialled them? How long do the batteries last in practice, and is the
            data good enough to act on?
        """,
        answers=(
            Answer(
                "lena.fischer",
                6,
                """
                Northwind runs about 900 of them for clients. Practical experience:

                - **Battery life** is 3–5 years at one overall reading an hour; it drops to
                  under a year if you ask for full spectra daily.
                - They are very good at **trending** overall velocity, acceleration and
                  temperature, and at catching step changes.
                - They are **not** a replacement for a proper spectrum when you need a
                  diagnosis: most take short, low-resolution waveforms.

                Best use: put them on the pumps you cannot reach often, alarm on change, and
                send an analyst with a proper collector when they alarm.
                """,
                up="marcus raj dana mei priya",
                accepted=True,
            ),
            Answer(
                "raj",
                20,
                """
                Our own trial (40 sensors, 12 stations, 14 months): four genuine early
                detections (two bearings, one looseness, one impeller imbalance after ragging),
                and a lot of noise from pumps that start and stop: make sure the sensor
                only measures **while the pump is running**, or filter on temperature.
                """,
                up="marcus lena.fischer mei",
                comments=(
                    Comment(
                        "mei",
                        8,
                        "We can help with the filtering: the historian knows when each pump "
                        "was running. Happy to look at the data in Asset Data & Analytics.",
                    ),
                ),
            ),
        ),
    ),
    Question(
        key="vertical-pump-bearing-failures",
        author="dana",
        asked="2026-07-20 06:05",
        title="New thrust bearings failing within 3 months on a vertical turbine pump — "
        "what's going on?",
        topics=("bearings", "centrifugal-pumps", "root-cause-analysis"),
        up="erik raj lena.fischer",
        body="""
            Vertical turbine raw water pump, 160 kW, motor-mounted thrust bearing (angular
            contact pair). The last two bearing sets lasted 11 and 13 weeks. Previous sets lasted
            years. Lubrication is by oil bath, oil samples show iron wear particles but no water.

            The only change: the bowl assembly was refurbished last year by another workshop.
        """,
        answers=(
            Answer(
                "raj",
                5,
                """
                Check the bearing arrangement first: angular contact pairs for vertical pumps
                are usually **back-to-back or tandem depending on the thrust direction**, and
                a pair fitted the wrong way round takes the thrust on one bearing only. The
                failed bearings' wear tracks tell you which row carried the load.
                """,
                up="dana lena.fischer",
            ),
            Answer(
                "erik",
                9,
                """
                The refurbished bowls are the suspect. **Downthrust** on a vertical turbine pump
                depends on the impeller design and on the **lateral setting** (how far the
                impellers are lifted off the bowl seats). If the new workshop set the lateral
                differently, or machined the impellers or changed the balance holes, the thrust
                can be far higher than the bearing was selected for.

                Ask for the impeller lift setting they used and compare it with the OEM
                figure, and get the thrust recalculated if the impellers were modified.
                """,
                up="dana raj lena.fischer carlos kwame",
                accepted=True,
                comments=(
                    Comment(
                        "dana",
                        72,
                        "Lateral was set at 2 mm; OEM says 6 mm. Reset last week, bearing "
                        "temperature down 15 °C.",
                    ),
                ),
            ),
        ),
    ),
    Question(
        key="wet-well-vortexing",
        author="priya",
        asked="2026-08-03 02:40",
        title="Vortexing in a wet well after we lowered the stop level to save energy — fixes "
        "short of civil works?",
        topics=("submersible-pumps", "cavitation"),
        up="erik marcus",
        body="""
            To save energy we lowered the stop level at a 45 L/s sewage station by 400 mm
            (lower static head, longer runs). Since then we see **surface vortices** near the
            end of each pump-down and the pumps get noisy and rough.

            Is there anything short of changing the wet well that fixes this?
        """,
        answers=(
            Answer(
                "erik",
                10,
                """
                You have gone below the **minimum submergence** for those pumps. Check the
                manufacturer's figure or the HI 9.8 guidance for your flow and inlet size;
                the energy you save on static head is lost many times over in wear.

                Options short of civil works:
                1. Put the stop level back to the minimum submergence, and save energy elsewhere
                   (e.g. by running at the best efficiency point on the drive).
                2. Fit an **anti-vortex device**: a plate or cross above the pump inlet.
                3. Slow the pump down near the end of the pump-down so the inlet velocity falls.
                """,
                up="priya marcus luis",
                accepted=True,
            ),
            Answer(
                "marcus",
                30,
                """
                We tried option 3 at two stations: ramp to 35 Hz below a set level. It works,
                and it also reduces the rag that gets sucked in at the end of the cycle.
                """,
                up="priya erik",
            ),
        ),
    ),
    Question(
        key="grease-compatibility",
        author="sarah.oconnell",
        asked="2026-08-18 10:50",
        title="Mixing greases: lithium complex in stock, polyurea in the new motors — what's "
        "the risk?",
        topics=("lubrication", "motors-and-drives"),
        comments=(
            Comment("tom.hendricks", 3, "We colour-code the nipple caps. Cheap, and it works."),
        ),
        up="raj ingrid",
        body="""
            The new motors from our framework supplier come factory-filled with a **polyurea**
            grease. Our stores and every fitter's grease gun carry **lithium complex**. The
            fitters have been topping up the new motors with lithium complex.

            How bad is that, and what do we do about the motors already mixed?
        """,
        answers=(
            Answer(
                "raj",
                6,
                """
                Lithium complex and polyurea are generally rated **incompatible**: the mix can
                soften and leak out, or harden, depending on the greases. It is not guaranteed
                to fail, but it is a gamble on motors that otherwise last 10+ years.

                For the motors already mixed: **purge** them. Open the drain, pump fresh grease
                through with the motor running until clean grease comes out, then go back to
                normal quantities. For the future, either standardise on one grease across
                motors and pumps, or **colour-code** the grease nipples and guns.
                """,
                up="sarah.oconnell ingrid tom.hendricks",
                accepted=True,
            ),
            Answer(
                "ingrid",
                9,
                """
                Ask the supplier to fill with your standard grease: most motor manufacturers
                will do it for a framework order. Then there is nothing to mix.
                """,
                up="sarah.oconnell raj",
            ),
        ),
    ),
    Question(
        key="pm-routine-forty-tasks",
        author="bob",
        asked="2026-09-02 09:30",
        title="Our pumping station PM routine has 40 tasks every month — how do we cut it "
        "without more failures?",
        topics=("preventive-maintenance", "rcm", "cmms"),
        comments=(
            Comment(
                "kwame",
                2,
                "Good timing: I'd like to use this as the pilot for the wider PM review.",
            ),
        ),
        up="kwame sarah.oconnell jack priya",
        body="""
            The standard monthly PM for our larger clean-water pumping stations has grown to
            40 tasks over the years. Crews take most of a day per station and, honestly,
            skim half of it.

            I want to cut it to what matters. Has anyone done a PM review like this, and how
            did you justify removing tasks? @sarah.oconnell, I know you have the CMMS history.
        """,
        answers=(
            Answer(
                "kwame",
                8,
                """
                Do an "RCM-lite" review task by task. For each task ask:

                1. Which **failure mode** does this task prevent or detect?
                2. Is that failure mode **likely** and does it **matter** here?
                3. Is this the **right kind** of task (a check that finds a developing fault,
                   rather than a "clean and inspect")?
                4. Is the **interval** related to how fast the failure develops (the P-F
                   interval)?

                Tasks that fail question 1 go. We cut a similar routine from 36 tasks to 14,
                with a quarterly deeper check, and failures did not go up in two years.
                """,
                up="bob sarah.oconnell jack priya helena",
                accepted=True,
            ),
            Answer(
                "sarah.oconnell",
                12,
                """
                From the CMMS: of your 40 tasks, 22 have **never** raised a follow-up work
                order in five years across 38 stations. That is not proof they are useless
                (some are safety checks, and some find things the crew fixes on the spot
                without a work order), but it is a good place to start the conversation.

                I can send the list per task.
                """,
                up="bob kwame",
            ),
            Answer(
                "jack",
                30,
                """
                If you want something reusable, build the review as a small **FMEA for the
                station type**. We did it for treatment works pumps and can now generate
                routines for new sites instead of copying the last one.
                """,
                up="bob kwame",
            ),
        ),
    ),
    Question(
        key="vertical-pump-resonance-vfd",
        author="helena",
        asked="2026-09-21 14:00",
        title="Vibration spikes at 38 Hz on a vertical pump since we fitted a VFD — skip "
        "frequencies or stiffen the structure?",
        topics=("vibration-analysis", "motors-and-drives"),
        up="lena.fischer ingrid raj",
        body="""
            A vertical turbine pump at Castle Hill was converted from fixed speed to a VFD
            this spring. Between about 36 and 40 Hz the motor vibration rises to 9 mm/s; at 50
            Hz it is 2 mm/s.

            The drive integrator suggests skip frequencies. The structural engineer suggests
            stiffening the motor stool. Which would you do?
        """,
        answers=(
            Answer(
                "lena.fischer",
                8,
                """
                It is almost certainly a **structural resonance** of the motor and stool (tall
                vertical pumps often have a reed frequency near running speed). Confirm with a
                **bump test** with the pump stopped: if you see a natural frequency around
                37–38 Hz, that is it.

                If the pump rarely needs to run in that band, **skip frequencies** (say 35–41 Hz,
                roughly ±8 %) are cheap and effective. If the process needs those speeds,
                stiffening or adding mass to move the natural frequency is the real fix, but
                model it first or you may just move the problem.
                """,
                up="helena ingrid raj dana",
                accepted=True,
            ),
            Answer(
                "ingrid",
                12,
                """
                On the drive side, set the skip band with a **fast ramp through it** so the pump
                does not dwell there during starts, and check that the PID control does not
                hunt around the edge of the band.
                """,
                up="helena lena.fischer",
            ),
        ),
    ),
    Question(
        key="seal-flush-plan-gritty-water",
        author="luis",
        asked="2026-10-12 20:15",
        title="Seal flush plan for gritty raw water: plan 11, plan 31 or plan 32?",
        topics=("mechanical-seals",),
        up="erik",
        body="""
            Raw water intake pumps, river source; during high flow events the water carries a
            lot of fine silt. The seals (single cartridge, plan 11 flush from the discharge)
            wear out in 4–6 months in winter and last years in summer.

            Would a cyclone separator (plan 31) or an external clean flush (plan 32) be better?
        """,
        answers=(
            Answer(
                "erik",
                9,
                """
                Plan 11 takes flush from the discharge and **sends the silt straight at the seal
                faces**, so your seasonal pattern is exactly what I would expect.

                - **Plan 31** (cyclone): works if the solids are heavier than water and there is
                  enough differential pressure. Fine silt often passes through it.
                - **Plan 32** (clean external flush): the most reliable for fine solids, but you
                  need a clean water supply at higher pressure than the seal chamber, and you
                  add that water to the process.

                For a treatment works with final water available, plan 32 is usually the answer.
                Use a flow meter and a throttle bush so you are not flushing more than needed.
                """,
                up="luis bob",
            ),
            Answer(
                "bob",
                30,
                """
                We went to plan 32 at two intakes with final water; it worked, but budget for the
                instrumentation and check it: a blocked flush line on plan 32 fails the seal even
                faster than plan 11.
                """,
                up="luis",
            ),
        ),
    ),
    Question(
        key="ultrasound-double-seals",
        author="jack",
        asked="2026-10-20 04:10",
        title="Anyone using ultrasound to detect failing double seals before barrier fluid "
        "loss shows?",
        topics=("mechanical-seals", "vibration-analysis"),
        comments=(
            Comment("raj", 20, "Not on seals specifically. Interested to hear if anyone has."),
        ),
        up="raj",
        body="""
            We have double seals with a barrier fluid pot (plan 53A) on our sludge pumps. The
            only warning of a failing seal is the pot level dropping, by which point the inboard
            seal is often badly damaged.

            Has anyone had success detecting seal face distress with airborne or contact
            ultrasound on routes? What readings did you trend?
        """,
    ),
    Question(
        key="curve-vs-field-test",
        author="luis",
        asked="2026-11-04 18:45",
        title="Pump curve from the manufacturer doesn't match our field test by 12 % — who do "
        "we believe?",
        topics=("centrifugal-pumps",),
        comments=(
            Comment(
                "charlie",
                10,
                "Following this one, we have the same argument on the Riverside pumps.",
            ),
        ),
        body="""
            Commissioning tests on two new 90 kW pumps show head about **12 % below** the
            manufacturer's curve at the duty flow. The manufacturer says our test is wrong
            (pressure gauges too close to the bends, flow from a strap-on meter).

            Their factory test certificate shows the curve met within tolerance. How do you
            settle this fairly?
        """,
    ),
    Question(
        key="submersible-megger-minimum",
        author="marcus",
        asked="2026-11-10 07:30",
        title="Submersible cable insulation resistance drops after every wet season — what "
        "minimum megger value do you accept?",
        topics=("submersible-pumps", "motors-and-drives"),
        comments=(
            Comment("priya", 6, "Following: we have the same question for our 30 kW units."),
        ),
        up="priya",
        body="""
            Our 11–22 kW submersibles are megger tested (1,000 V, motor and cable together)
            from the panel every six months. After each wet season several drop from above
            500 MΩ to 5–20 MΩ, then recover slowly.

            At what value do you pull the pump? Our old procedure says 1 MΩ, which seems far
            too low to me.
        """,
    ),
    Question(
        key="thermography-motor-terminal-boxes",
        author="kwame",
        asked="2026-11-13 11:20",
        title="Thermography on motor terminal boxes: worth adding to the vibration route?",
        topics=("preventive-maintenance", "motors-and-drives"),
        comments=(
            Comment(
                "priya",
                3,
                "@bob didn't you add terminal boxes to the thermography round at Moorside "
                "after the fire there?",
            ),
        ),
        body="""
            Our electrical team does an annual thermographic survey of switchboards but never
            looks at motor terminal boxes. We had a terminal box fire on a 55 kW pump in
            September (loose lug).

            Has anyone added thermography of motor terminal boxes (through IR windows, or
            opened) to their mechanical condition monitoring routes? Practicalities, findings?
        """,
    ),
)
