"""Questions in Asset Data & Analytics (open)."""

from .records import Answer, Comment, Question

QUESTIONS: tuple[Question, ...] = (
    Question(
        key="failure-codes-other",
        author="jack",
        asked="2026-02-16 23:10",
        title='Failure codes in the CMMS are 60 % "Other" — how do you get usable failure '
        "data from technicians?",
        topics=("cmms", "data-quality"),
        up="sarah.oconnell emma.lindqvist kwame mei",
        body="""
            I am trying to build failure statistics for treatment works pumps, but 60 % of
            corrective work orders have the failure code "Other" and the rest are mostly
            "Mechanical failure". The free-text descriptions are things like "pump fixed".

            How have you improved failure coding without turning every job into a form-filling
            exercise?
        """,
        answers=(
            Answer(
                "sarah.oconnell",
                7,
                """
                What worked in the Eastern region:

                1. **Shorter lists per asset class**: a pump shows 8–10 failure modes that make
                   sense for pumps (seal leak, bearing, blocked/ragged, impeller wear, motor
                   electrical…), not the 140-item list for every asset.
                2. Split into **problem / cause / remedy**, each a picklist, and make only
                   *problem* mandatory on the phone.
                3. Remove "Other" entirely. If nothing fits, the technician types a few words,
                   and the planner codes it properly when closing.
                4. **Feed it back**: a monthly "top failures at your sites" sheet for each
                   crew. Once they see their data used, quality improves.

                "Other" went from 55 % to under 10 % in six months.
                """,
                up="jack emma.lindqvist kwame mei bob priya",
                accepted=True,
            ),
            Answer(
                "emma.lindqvist",
                12,
                """
                Add a **data quality rule** that reports work orders closed without a
                meaningful code, per team, every week. Not to punish, but so that supervisors
                see it. Pair it with Sarah's feedback sheet.
                """,
                up="jack sarah.oconnell",
            ),
            Answer(
                "sanjay",
                30,
                """
                In the new EAM the codes will be filtered by asset class automatically (it is
                in the design), which gives you Sarah's step 1 for free from next spring.
                """,
                up="jack",
                comments=(
                    Comment(
                        "jack",
                        2,
                        "Great news. Can we get the pump list reviewed by "
                        "the reliability team before it is built?",
                    ),
                    Comment("sanjay", 5, "Yes, I'll set up a review in the next sprint."),
                ),
            ),
        ),
    ),
    Question(
        key="historian-tag-naming",
        author="ahmed",
        asked="2026-03-11 07:30",
        title="Historian tag naming: encode site, asset and signal in the name, or use an "
        "asset framework?",
        topics=("scada-historian", "data-quality"),
        comments=(
            Comment("mei", 2, "Please don't let anyone put the asset description in the tag name."),
        ),
        up="emma.lindqvist mei",
        body="""
            We are migrating 200 sites to a new historian (about 180,000 tags). Today the tag
            names are whatever each integrator chose: `KWR_P1_RUN`, `KwinanaRd.Pump1.Running`,
            `SPS0123-P01-DI04`…

            Should we define a strict naming convention that encodes site, asset and signal, or
            keep names short and rely on the historian's asset framework (metadata)?
        """,
        answers=(
            Answer(
                "emma.lindqvist",
                6,
                """
                Both, but let the **asset framework** carry the meaning:

                - Tag names: a simple, stable convention tied to the **asset register ID**,
                  e.g. `{site id}.{asset id}.{signal}` (`SPS0123.P01.RUN`). Never embed things
                  that change (names, descriptions, areas).
                - Asset framework: the hierarchy (region, site, system, asset), units,
                  ranges and links to the CMMS asset. Analysts and dashboards should query the
                  framework, not parse tag names.

                The asset ID is the join key between the historian and the CMMS; that join is
                what makes maintenance use of the data possible.
                """,
                up="ahmed mei sarah.oconnell",
                accepted=True,
            ),
            Answer(
                "mei",
                10,
                """
                Agree with Emma. Please also standardise **signal names** (`RUN`, `FLOW`,
                `CURRENT`, `LEVEL`…) across sites. It is the single biggest time-saver when we
                build models across stations.
                """,
                up="ahmed emma.lindqvist",
            ),
        ),
    ),
    Question(
        key="predict-from-run-hours",
        author="bob",
        asked="2026-04-28 10:00",
        title="Can we predict pump failures from run hours, starts and motor current alone?",
        topics=("predictive-analytics", "scada-historian"),
        up="mei raj kwame helena",
        body="""
            Most of our 1,400 pumps have no condition monitoring, but telemetry gives us run
            hours, number of starts and motor current. We also have failure dates (sort of)
            from the CMMS.

            Has anyone tried predicting failures from these signals alone? Is it worth a pilot?
        """,
        answers=(
            Answer(
                "mei",
                8,
                """
                Worth a pilot, with realistic expectations. What we found on a 300-pump sample:

                - **Survival models** on run hours and starts give a decent ranking of **which
                  pumps are most likely to fail next quarter**. Good for prioritising
                  inspections, not for predicting a date.
                - **Current drift** at a given flow (or level band) catches ragging, impeller
                  wear and some bearing problems days or weeks ahead. It needs flow or a proxy.
                - Starts per hour is a surprisingly good early signal for wet well and control
                  problems.

                The hardest part was the failure dates: we spent more time cleaning work orders
                than modelling.
                """,
                up="bob raj kwame helena ahmed",
                accepted=True,
                comments=(
                    Comment(
                        "bob",
                        4,
                        "Ranking is exactly what we need for the inspection "
                        "programme. Can we pick 20 stations in the North West?",
                    ),
                    Comment("mei", 12, "Yes: send me the list and I'll pull the data."),
                ),
            ),
            Answer(
                "raj",
                12,
                """
                Current alone will miss the slow mechanical faults (bearings, misalignment) until
                late. Use the model to decide where to put the **vibration sensors**, and the
                sensors to find the faults.
                """,
                up="bob mei",
            ),
        ),
    ),
    Question(
        key="mtbf-messy-work-orders",
        author="helena",
        asked="2026-05-20 09:10",
        title="MTBF dashboard for pumps: how do you count failures when the work orders are so "
        "messy?",
        topics=("dashboards", "data-quality", "cmms"),
        comments=(
            Comment(
                "kwame",
                3,
                "Same request from me for the reliability KPIs: let's use one definition.",
            ),
        ),
        up="mei sarah.oconnell kwame",
        body="""
            The asset management board wants MTBF by pump class and by region. Corrective work
            orders include call-outs that found nothing, duplicates for the same failure,
            follow-up jobs and some preventive work raised as corrective.

            How do you define a "failure" for MTBF so that the numbers can be trusted?
        """,
        answers=(
            Answer(
                "mei",
                6,
                """
                Write the definition down and make it part of the dashboard. Ours:

                A failure is a **corrective work order** on a **pump asset** with a **failure
                code in the agreed list** (not "no fault found"), and work orders on the same
                asset **within 7 days** of the first count as the same failure.

                MTBF = total run hours (from telemetry, not calendar time) ÷ failures, per
                class, over a rolling 24 months. Show the **number of failures** next to it, so
                nobody over-reads an MTBF based on three events.
                """,
                up="helena sarah.oconnell kwame jack emma.lindqvist",
                accepted=True,
            ),
            Answer(
                "sarah.oconnell",
                10,
                """
                Ask planners to mark **follow-up** work orders with a link to the original. It
                takes ten seconds and removes most of the duplicates that the 7-day rule
                misses.
                """,
                up="helena mei",
            ),
        ),
    ),
    Question(
        key="anomaly-alert-fatigue",
        author="marcus",
        asked="2026-06-22 07:15",
        title="The anomaly detection pilot flags 50 alerts a week and operators ignore them — "
        "how do we tune it?",
        topics=("predictive-analytics", "scada-historian"),
        up="mei ahmed raj",
        body="""
            We are three months into the anomaly detection pilot on 60 pumping stations. It
            generates about 50 alerts a week. My operators have checked a few dozen, found
            little, and now ignore them.

            What can we do so that the alerts mean something again?
        """,
        answers=(
            Answer(
                "mei",
                4,
                """
                Fair criticism. Changes we are making, from what your team told us:

                1. **Persistence**: alert only when the anomaly lasts (e.g. 6 of the last 8
                   hours), not on single spikes.
                2. **Context**: suppress during known events (storms, maintenance, pump
                   changeovers) using the telemetry and the CMMS.
                3. **Ranking**: one weekly list of the top 10 by severity, instead of a
                   stream.
                4. **Feedback**: each alert gets a one-click "useful / not useful", which we use
                   to retrain.

                Our target is five alerts a week with at least half worth a look.
                """,
                up="marcus ahmed raj kwame",
                accepted=True,
            ),
            Answer(
                "raj",
                12,
                """
                Send the top alerts to the condition monitoring team first for a quick look at
                the trends. We can filter out the obvious ones before they reach operators.
                """,
                up="marcus mei",
            ),
        ),
    ),
    Question(
        key="asset-hierarchy-levels",
        author="sanjay",
        asked="2026-07-28 11:40",
        title="How many levels should the asset hierarchy have for a pumping station?",
        topics=("data-quality", "cmms"),
        up="emma.lindqvist sarah.oconnell",
        body="""
            For the EAM data migration we need a standard hierarchy for pumping stations. Some
            regions register "Pumping station" as one asset; others go down to individual
            bearings.

            What depth works in practice?
        """,
        answers=(
            Answer(
                "emma.lindqvist",
                5,
                """
                Register down to the **level you maintain and record failures against**, and no
                further. For pumping stations, roughly following ISO 14224:

                1. Site (the station)
                2. System (pumping, electrical, telemetry, wet well, valves)
                3. Asset (pump set 1, motor control centre, level sensor)
                4. Maintainable item, only where it has its own maintenance or is replaced on its
                   own (pump, motor, VFD)

                Components like bearings and seals are **failure modes or spare parts**, not
                assets. Registering them creates thousands of records nobody keeps up to date.
                """,
                up="sanjay sarah.oconnell helena mei",
                accepted=True,
            ),
            Answer(
                "sarah.oconnell",
                8,
                """
                +1. Whatever you choose, make it the **same for every station** of the same
                type, with templates in the EAM. The variation between regions hurts
                reporting far more than the exact depth.
                """,
                up="sanjay emma.lindqvist",
            ),
        ),
    ),
    Question(
        key="power-bi-historian",
        author="charlie",
        asked="2026-08-25 15:50",
        title="Power BI on historian data: live connection or a nightly extract?",
        topics=("dashboards", "scada-historian"),
        comments=(Comment("mei", 1, "Happy to share our template for the energy report."),),
        up="ahmed mei",
        body="""
            I am building a Power BI report of pump energy use per station for the capital
            delivery team. I could connect Power BI directly to the historian, or ask for a
            nightly extract to the data warehouse. The report only needs daily figures.

            What do you recommend?
        """,
        answers=(
            Answer(
                "ahmed",
                3,
                """
                A **nightly extract** of daily aggregates, please. Live queries from reports
                that many people open put real load on the historian, which operations depend
                on, and raw data at one-second resolution is not what you need anyway.

                Ask for **daily totals computed in the historian** (energy from the kWh
                counters, not by integrating power yourself), written to the warehouse. I can
                set it up for your station list in a day or two.
                """,
                up="charlie mei helena",
                accepted=True,
            ),
            Answer(
                "mei",
                7,
                """
                And if you later need hourly detail for a few stations, ask for an hourly
                aggregate table too. Both are cheap to produce.
                """,
                up="charlie ahmed",
            ),
        ),
    ),
    Question(
        key="who-owns-asset-data",
        author="helena",
        asked="2026-09-29 13:30",
        title="Who should own asset data: operations, maintenance or IT?",
        topics=("data-quality",),
        comments=(
            Comment(
                "ahmed",
                5,
                "For telemetry configuration it's effectively me, which is not a good answer.",
            ),
        ),
        up="emma.lindqvist kwame",
        body="""
            Our asset register, telemetry configuration and maintenance history are owned, in
            practice, by nobody. IT says it is the business's data; operations say the
            register is a maintenance thing; maintenance say they just use what they are
            given.

            How have you set up ownership so that someone actually fixes problems?
        """,
        answers=(
            Answer(
                "emma.lindqvist",
                6,
                """
                The business owns the data; IT is the **custodian** (keeps the systems running
                and secure). Within the business, split by **data domain**:

                - Asset register and hierarchy: **asset management** owns, with data stewards in
                  each region.
                - Maintenance history and failure codes: **maintenance** owns.
                - Telemetry configuration: **operations** owns, with the SCADA team as steward.

                Each owner has a named person, a short list of quality rules and a monthly
                quality report. Without named people and rules, "ownership" is a slide.
                """,
                up="helena kwame sarah.oconnell",
            ),
            Answer(
                "kwame",
                20,
                """
                Agree, with one addition: give the owners a reason to care. Our asset investment
                plan depends on the register, so asset management had a real incentive to own
                it. Maintenance history got better when it fed the bad-actor reviews.
                """,
                up="helena emma.lindqvist",
            ),
        ),
    ),
    Question(
        key="energy-per-ml-rainfall",
        author="luis",
        asked="2026-10-15 22:00",
        title="Energy per Ml by pumping station: does anyone normalise for rainfall?",
        topics=("dashboards", "predictive-analytics"),
        comments=(
            Comment(
                "mei",
                8,
                "Not yet, but it sounds like a good regression problem. Do you have flow at "
                "each station?",
            ),
            Comment("luis", 10, "Flow at about half of them; run hours everywhere."),
        ),
        up="mei",
        body="""
            We compare kWh per Ml across sewage pumping stations to find inefficient ones, but
            the league table changes completely between wet and dry months (infiltration,
            storm flows, more starts).

            Has anyone normalised energy intensity for rainfall or flow conditions in a way
            that made the comparison fair?
        """,
    ),
    Question(
        key="scada-alarms-to-work-orders",
        author="bob",
        asked="2026-11-02 08:50",
        title="How do we link SCADA alarms to work orders automatically without flooding the "
        "planners?",
        topics=("scada-historian", "cmms"),
        up="sarah.oconnell ahmed mei",
        body="""
            For the bad-actor programme I want pump trips and fault alarms to create something
            in the CMMS automatically, so that repeat failures are visible without relying on
            someone raising a work order. The worry is obvious: 2,000 alarms a day.

            Has anyone set this up, and what rules did you use?
        """,
        answers=(
            Answer(
                "ahmed",
                5,
                """
                We can do it, with rules on the SCADA side:

                - Only **equipment fault** alarm classes (trip, overload, seal fail, thermal),
                  not process alarms.
                - **Persistence and de-duplication**: one event per asset per fault type per
                  24 hours, with a count.
                - Create a **notification** in the CMMS, not a work order: the planner decides.

                From the alarm statistics, that would be about 60 notifications a day across
                all regions, not 2,000.
                """,
                up="bob sarah.oconnell mei",
            ),
            Answer(
                "sarah.oconnell",
                9,
                """
                From planning: 60 a day is manageable if they arrive **grouped by asset** with
                the count and last work order visible. Please do not send them to the general
                inbox; give them their own queue so they can be reviewed weekly.
                """,
                up="bob ahmed",
                comments=(
                    Comment(
                        "bob",
                        3,
                        "Agreed on a separate queue. @ahmed, can we pilot it in "
                        "the North West in December?",
                    ),
                    Comment("ahmed", 6, "Yes, I'll draft the alarm class list this week."),
                ),
            ),
        ),
    ),
    Question(
        key="survival-analysis-censored",
        author="jack",
        asked="2026-11-15 05:20",
        title="Survival analysis on pump lifetimes with censored data: which Python library?",
        topics=("predictive-analytics",),
        comments=(
            Comment("mei", 2, "lifelines is where I'd start. Will write a proper answer later."),
        ),
        body="""
            I want to fit Weibull and Cox models to pump lifetimes from the CMMS, where most
            pumps have not failed yet (right-censored) and some were installed before our
            records start (left-truncated).

            Which Python libraries handle censoring and truncation properly, and are there
            pitfalls with CMMS data I should know about?
        """,
    ),
)
