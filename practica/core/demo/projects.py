"""Questions in Project Managers (on request)."""

from .records import Answer, Comment, Question

QUESTIONS: tuple[Question, ...] = (
    Question(
        key="baseline-changing-scope",
        author="olivia",
        asked="2026-02-06 15:30",
        title="How do you baseline a schedule when the client keeps changing scope mid-design?",
        topics=("scheduling", "scope-control"),
        up="grace sophie.martin daniel charlie",
        body="""
            UV disinfection retrofit at a live treatment plant. We are at 60 % detailed design
            and the client-side operations team has asked for three changes in six weeks (an
            extra bypass, a different reactor layout, moving the control room interface).

            The schedule was baselined at contract award. Every change moves the design
            milestones and now nobody knows what "on time" means. Do I re-baseline after every
            change? Freeze design? How do you handle this?
        """,
        answers=(
            Answer(
                "grace",
                5,
                """
                Keep **one baseline** and change it only through change control, never to
                make variances disappear:

                1. Every change gets a short **impact assessment** (time and cost) before it is
                   approved, and the client signs the approval.
                2. Approved changes go into the baseline as a **baseline revision** with a
                   number and a log entry, so you can always explain the difference between
                   the original and the current baseline.
                3. Report both: progress against the current baseline, and the total movement
                   since contract award with the approved changes that explain it.

                Re-baselining monthly "because things moved" is how projects lose track.
                """,
                up="olivia sophie.martin charlie daniel hiro",
                accepted=True,
            ),
            Answer(
                "sophie.martin",
                8,
                """
                And agree a **design freeze date** with the client's operations team, in
                writing, with a sponsor behind it. After the freeze, changes are still
                possible but are priced and programmed like any other change. In our
                experience the number of "small" requests drops sharply once they have a price.
                """,
                up="olivia grace fatima",
                comments=(
                    Comment("olivia", 3, "A freeze date with the sponsor's name on it. I like it."),
                ),
            ),
            Answer(
                "fatima",
                26,
                """
                Check the contract as well: under NEC these are **compensation events** and
                the contractor has to submit a quotation with the programme impact. The
                accepted programme then carries the change, which does a lot of Grace's step 2
                for you.
                """,
                up="olivia sophie.martin",
            ),
        ),
    ),
    Question(
        key="earned-value-design-phase",
        author="charlie",
        asked="2026-02-20 11:45",
        title="Earned value on the design phase: how do you measure progress on drawings honestly?",
        topics=("earned-value",),
        up="grace olivia",
        body="""
            I have been asked to set up earned value reporting for the design phase of the
            Riverside upgrade (about 240 drawings and 30 reports). At the moment progress is
            the designers' "percent complete" per drawing, which is always 90 %.

            How do you measure design progress so that the SPI means something?
        """,
        answers=(
            Answer(
                "grace",
                4,
                """
                Use **weighted milestones** per deliverable instead of opinions. For a drawing:

                | step | earned |
                |---|---|
                | started | 10 % |
                | issued for internal check | 50 % |
                | issued for client review | 75 % |
                | approved for construction | 100 % |

                Weight each deliverable by its budgeted hours, not one drawing = one unit. You
                then earn value only when something verifiable happens. Expect your SPI to drop
                the first month you switch: that is the truth arriving.
                """,
                up="charlie olivia sophie.martin hiro daniel",
                accepted=True,
                comments=(
                    Comment("charlie", 6, "Should the reports use the same steps?"),
                    Comment("grace", 7, "Yes, with 'first draft complete' added at 30 %."),
                ),
            ),
            Answer(
                "hiro",
                20,
                """
                One warning: with milestone steps, a few large deliverables stuck at "client
                review" can make the SPI look worse than the real risk. Look at the earned
                value **per discipline** as well as the total.
                """,
                up="charlie grace",
            ),
        ),
    ),
    Question(
        key="risk-register-ignored",
        author="sophie.martin",
        asked="2026-03-02 08:15",
        title="Our risk register is updated once a month for the board report and otherwise "
        "ignored — how do you make it live?",
        topics=("risk-management",),
        comments=(
            Comment("grace", 3, "Do your risks have owners by name or by role?"),
            Comment("sophie.martin", 4, "By role, mostly. Which probably explains a lot."),
        ),
        up="hiro grace daniel olivia",
        body="""
            Across the programme we have about 300 risks. Project managers update the register
            the day before the monthly board report. In between, risks are discussed in
            meetings but not in the register, and actions are rarely followed up.

            What have you done that made a risk register actually used?
        """,
        answers=(
            Answer(
                "hiro",
                6,
                """
                Make it part of **decisions**, not reports:

                - The weekly project meeting reviews the **top five** risks and any new ones,
                  in the register on screen. Ten minutes, every week.
                - Every risk has **one named owner** and actions with **dates**. An action with
                  no date is a wish.
                - **Quantify** the top risks (cost and time, three-point). Once risks feed the
                  contingency number, the finance people start asking about them, and so the
                  project managers keep them current.
                - Close risks aggressively. 300 risks usually means 250 that should be closed or
                  merged.
                """,
                up="sophie.martin grace daniel olivia helena",
                accepted=True,
            ),
            Answer(
                "daniel",
                10,
                """
                On NEC contracts I run the early warning meeting **from the risk register**:
                the early warning register and our project risk register are the same list.
                That alone meant it was updated every fortnight.
                """,
                up="sophie.martin hiro fatima",
            ),
            Answer(
                "olivia",
                30,
                """
                Small thing that helped me: the register lives where the team works (a shared
                list in the project site with a link in the meeting invite), not in a
                spreadsheet on someone's laptop.
                """,
                up="sophie.martin",
            ),
        ),
    ),
    Question(
        key="residents-night-works",
        author="daniel",
        asked="2026-03-17 18:20",
        title="Residents are furious about night works on a trunk main replacement — how do "
        "you rebuild trust mid-project?",
        topics=("stakeholder-engagement",),
        up="ben.carter sophie.martin olivia",
        body="""
            Trunk main replacement along a residential street. The council only allows lane
            closures at night, so we work 20:00–05:00. After two weeks of complaints (noise,
            lights, a van blocking a driveway) we had a residents' meeting where it got very
            heated. A local councillor is now involved.

            We have another seven weeks of night works. How do we turn this round?
        """,
        answers=(
            Answer(
                "ben.carter",
                5,
                """
                Been there. What worked on the Elm Road project:

                1. **Go door to door** (you and the site manager, not a leaflet) along the
                   worst-affected section. Listen first; most people want to be heard.
                2. Give residents a **named person and a mobile number** that is answered at
                   night.
                3. Make **visible changes** quickly: hoods on the lights, quieter reversing
                   alarms (white noise), no engines idling, no plant left at driveways.
                4. Publish a **weekly look-ahead**: which houses are affected which nights.
                5. For the few worst-affected, offer something concrete (a hotel night for the
                   noisiest works, e.g. saw cutting).

                Then brief the councillor on what you have changed before they hear it from
                residents.
                """,
                up="daniel sophie.martin olivia helena charlie",
                accepted=True,
                comments=(
                    Comment(
                        "daniel",
                        70,
                        "Door-knocked 80 houses this week. Complaints down from 15 a week to "
                        "2. Thank you, Ben.",
                    ),
                ),
            ),
            Answer(
                "sophie.martin",
                9,
                """
                Also ask the council again about **daytime closures** for the worst sections,
                with the residents' complaints as evidence. Councils sometimes change their
                minds once the night works cause them complaints too.
                """,
                up="daniel ben.carter",
            ),
        ),
    ),
    Question(
        key="explain-p80",
        author="james",
        asked="2026-04-03 10:00",
        title="The board wants a P80 cost estimate — how do you explain what that means "
        "without losing them?",
        topics=("risk-management",),
        comments=(
            Comment(
                "sophie.martin", 2, "Our board pack has the same problem. Keen to see the answers."
            ),
        ),
        up="hiro sophie.martin",
        body="""
            Our board has asked for P80 estimates on every capital project over £10m. Half of
            them think it means "80 % accurate", the other half think it is a padded number.

            How do you explain P50/P80 to a non-technical board in two minutes?
        """,
        answers=(
            Answer(
                "hiro",
                3,
                """
                The version that works for me:

                > "If we ran this project ten times, in eight of them it would cost **this
                > much or less**. The P50 is the coin-toss number. The difference between them
                > is what the risks could cost us, and we hold it as contingency."

                Then show one **S-curve** (cumulative probability against cost) with the base
                estimate, P50 and P80 marked. Boards understand a picture of "how likely is
                each number" far better than a table.

                Two things to stress: P80 is **not a target** for the project team (they should
                aim for the base), and the contingency is **released** as risks pass.
                """,
                up="james sophie.martin grace helena",
                accepted=True,
            ),
            Answer(
                "grace",
                8,
                """
                Add one sentence on what drives the spread: "Most of the gap between P50 and
                P80 comes from three risks: ground conditions, the outage window and the
                power connection." It turns an abstract number into things the board can
                help with.
                """,
                up="james hiro",
            ),
        ),
    ),
    Question(
        key="nec-early-warnings-flood",
        author="olivia",
        asked="2026-04-21 14:10",
        title="The contractor raises 30 early warnings a month under NEC4 — how do you keep "
        "the early warning meeting useful?",
        topics=("contracts", "risk-management"),
        up="fatima daniel",
        body="""
            Since a new commercial manager started on the contractor's side we receive about 30
            early warnings a month, many trivial ("possible rain next week"). The early warning
            meetings take three hours and I suspect they are building a paper trail for
            compensation events.

            How do you keep the process useful without discouraging genuine early warnings?
        """,
        answers=(
            Answer(
                "fatima",
                6,
                """
                You are probably right about the paper trail, and it is legitimate: an early
                warning protects their position. Make the process work for you too:

                - **Triage** before the meeting: both sides agree which warnings need
                  discussion, which can be **combined**, and which can be noted and closed.
                - Discuss only those with real **cost, time or performance** impact, and
                  record the decided actions and owners.
                - Remove warnings from the register once the risk has passed or been dealt
                  with; the register shows what is live, not the history.
                - Raise **your own** early warnings too. It is a two-way process.

                A three-hour meeting usually becomes under an hour within two months.
                """,
                up="olivia daniel sophie.martin",
                accepted=True,
            ),
            Answer(
                "sophie.martin",
                20,
                """
                It is also worth a conversation between the two commercial leads about what
                good looks like. Often the new person has come from a contract where the
                client punished late warnings, so they warn about everything.
                """,
                up="olivia fatima",
            ),
        ),
    ),
    Question(
        key="commissioning-progress-ninety",
        author="charlie",
        asked="2026-05-06 09:40",
        title="How do you measure progress during commissioning, when everything is "
        '"90 % done" for weeks?',
        topics=("scheduling", "earned-value"),
        up="olivia grace",
        body="""
            We are in commissioning on the Riverside filters. Construction progress was easy to
            measure; commissioning is not. For four weeks the contractor has reported 85–92 %
            complete and the handover date keeps moving.

            How do you measure commissioning progress in a way that predicts the finish?
        """,
        answers=(
            Answer(
                "grace",
                6,
                """
                Move from percent complete to **systems**. Break the plant into commissioning
                systems (e.g. filter 1, backwash, air scour, chemical dosing), and for each
                track countable things: pre-commissioning checks, functional tests, punch list
                items by category, and finally the system handed over.

                A burn-down of **open punch items and outstanding tests per system** predicts
                the finish far better than a percentage.
                """,
                up="charlie olivia sophie.martin",
            ),
            Answer(
                "olivia",
                10,
                """
                What worked on our UV retrofit, on top of Grace's systems:

                1. A daily 15-minute **commissioning stand-up** with the contractor,
                   operations and the integrator, in front of a board of systems.
                2. Punch items classified **A** (prevents handover), **B** (must be done before
                   completion) and **C** (can follow). Only A items count towards handover.
                3. **Operations witness** every functional test, so nothing has to be repeated
                   for them later.

                Our "90 %" turned out to be 40 A items, mostly control system. Once we could see
                them, it took three weeks.
                """,
                up="charlie grace daniel sophie.martin",
                accepted=True,
            ),
        ),
    ),
    Question(
        key="ops-refused-handover",
        author="daniel",
        asked="2026-05-25 07:00",
        title="Operations refused to accept a new pumping station at handover — how do you "
        "involve them earlier?",
        topics=("stakeholder-engagement", "lessons-learned"),
        up="helena olivia bob",
        body="""
            We completed a new sewage pumping station last month. At the handover walk-down,
            the operations team refused to accept it: the kiosk layout makes the control panel
            hard to reach, there is no davit socket for the lifting equipment they use, and the
            telemetry points do not match their standard.

            All of that was in the design they "reviewed". How do you get operations genuinely
            involved before it is too late?
        """,
        answers=(
            Answer(
                "helena",
                8,
                """
                A design review by email is not involvement. What works for us:

                - A named **operations representative** on the project from concept, with time
                  allocated (and backfilled) for it.
                - **Operability and maintainability reviews** at 30 % and 60 % design, on
                  models or mock-ups, with the people who will operate the station: "show me
                  how you would lift pump 2 out".
                - Operations' standard requirements (lifting, telemetry, access) as a
                  **checklist in the design brief**, not as comments on drawings.
                - "Soft landings": the project team stays involved for the first months of
                  operation.
                """,
                up="daniel olivia bob sophie.martin",
                accepted=True,
            ),
            Answer(
                "bob",
                12,
                """
                From the maintenance side: invite a **fitter** to the 60 % review, not only an
                operations manager. Most of your list (davit socket, panel access) is exactly
                what a fitter spots in five minutes.
                """,
                up="daniel helena olivia",
            ),
            Answer(
                "olivia",
                30,
                """
                We added an "operations acceptance criteria" page to the contract's scope for
                the UV job, agreed before tender. At handover we walk that list, and nothing
                else.
                """,
                up="daniel",
            ),
        ),
    ),
    Question(
        key="lessons-learned-unread",
        author="sophie.martin",
        asked="2026-06-10 13:00",
        title="Lessons learned reports go into SharePoint and nobody reads them — what actually "
        "works?",
        topics=("lessons-learned",),
        up="olivia ben.carter helena bob",
        body="""
            Every project closes with a lessons learned workshop and a report. We have about 90
            of them now. In project start-ups I never hear anyone refer to them.

            What have you seen work to get lessons actually used by the next project?
        """,
        answers=(
            Answer(
                "olivia",
                5,
                """
                Pull, not push. Instead of expecting people to read old reports, we hold a
                **"peer assist"** at the start of each project: two or three people who have
                done a similar project come to a two-hour session and tell the new team what
                they would do differently. The lessons arrive as conversation, at the moment
                they are useful.
                """,
                up="sophie.martin ben.carter helena bob charlie",
            ),
            Answer(
                "bob",
                9,
                """
                And turn the lessons into **changes to the standards**: the design brief, the
                commissioning checklist, the contract scope. A lesson that changes a checklist
                gets used by every project after it; a lesson in a report gets used by nobody.

                Also: ask questions here. A question with a good answer is a lesson that
                someone has already found useful.
                """,
                up="sophie.martin olivia",
            ),
            Answer(
                "ben.carter",
                20,
                """
                Short stories beat reports. We recorded three five-minute interviews with
                project managers about what went wrong with stakeholder engagement; they get
                watched far more than any document.
                """,
                up="sophie.martin",
            ),
        ),
    ),
    Question(
        key="who-owns-float",
        author="charlie",
        asked="2026-06-29 16:15",
        title="Who owns the float in the programme: us or the contractor?",
        topics=("scheduling", "contracts"),
        comments=(
            Comment(
                "olivia", 2, "Good question. I've been wondering about this on the UV job too."
            ),
        ),
        up="fatima grace",
        body="""
            The contractor's accepted programme shows planned completion eight weeks before the
            completion date in the contract. Our design team wants to use some of that "float"
            to finish a late design package. The contractor says the float is theirs.

            Who is right?
        """,
        answers=(
            Answer(
                "fatima",
                4,
                """
                Under NEC the gap between planned completion and the completion date is
                **terminal float**, and it belongs to the **contractor**: a compensation event
                is assessed from planned completion, so if your late design delays planned
                completion, it is a compensation event even if the completion date is not at
                risk.

                **Float inside the programme** (on activities before completion) is available
                to whoever needs it first, but a delay that consumes it can still change the
                planned completion. Either way, late design from the client's side is a
                compensation event; price it rather than argue about float.
                """,
                up="charlie grace sophie.martin olivia",
                accepted=True,
            ),
            Answer(
                "grace",
                10,
                """
                Fatima is right for NEC. On other contract forms it depends on the wording, and
                many say nothing, which is where disputes start. Check the contract before
                assuming.
                """,
                up="charlie fatima",
            ),
        ),
    ),
    Question(
        key="weekly-report-length",
        author="daniel",
        asked="2026-07-14 06:30",
        title="How long should a weekly project report be? Mine is 12 pages and I doubt anyone "
        "reads it.",
        topics=("stakeholder-engagement",),
        up="sophie.martin olivia",
        body="""
            The weekly report template for pipeline projects has grown to 12 pages: progress
            photos, full risk register, cost tables, safety statistics, stakeholder log. It
            takes me half a day. I suspect the readers look at the first page.

            What do you put in a weekly report, and what goes monthly?
        """,
        answers=(
            Answer(
                "sophie.martin",
                5,
                """
                **One page weekly**, in this order:

                1. Status (time, cost, safety, quality) with a **one-line reason** for anything
                   not green.
                2. **Decisions or help needed**, from whom, by when. This is the part readers
                   act on.
                3. The top three risks and what changed.
                4. Milestones due in the next four weeks.

                Cost tables, the full register and photos go in the monthly report. If nobody
                complains when a section disappears, it did not need to be there.
                """,
                up="daniel olivia grace helena charlie",
                accepted=True,
            ),
            Answer(
                "grace",
                20,
                """
                Agreed. Generate the numbers from the schedule and cost system rather than typing
                them, and your half day becomes an hour of writing the part only you can write:
                the reasons and the asks.
                """,
                up="daniel sophie.martin",
            ),
        ),
    ),
    Question(
        key="shared-commissioning-engineers",
        author="helena",
        asked="2026-08-11 10:20",
        title="Three projects need the same two commissioning engineers in September — how "
        "do you decide?",
        topics=("scheduling", "risk-management"),
        up="sophie.martin",
        body="""
            Our two in-house commissioning engineers are booked by three projects for the same
            three weeks in September: a pumping station, a filter refurbishment and a reservoir
            inlet. Each project manager says theirs is the priority.

            How do you decide, and who should decide?
        """,
        answers=(
            Answer(
                "sophie.martin",
                6,
                """
                It should be decided at **programme level**, not between the project managers.
                We use three criteria in order:

                1. Regulatory or **compliance dates** (an undertaking to the regulator beats
                   everything).
                2. **Service risk**: which delay puts supply or environmental performance at
                   risk.
                3. **Cost of delay**: contractor standing time, extended hire, outage windows.

                Then look for ways to make the constraint smaller: contract commissioning
                support for the least complex project, or move the non-critical parts of a
                project's commissioning.
                """,
                up="helena grace olivia",
                accepted=True,
            ),
            Answer(
                "grace",
                12,
                """
                For next time: if the schedules were **resource-loaded** with named specialist
                resources, this clash would have shown up in May. We now keep commissioning
                engineers, outage windows and the crane as programme-level resources.
                """,
                up="helena sophie.martin",
            ),
        ),
    ),
    Question(
        key="schedule-risk-small-project",
        author="daniel",
        asked="2026-09-08 12:00",
        title="Schedule risk analysis: is it worth doing on a £5m project?",
        topics=("scheduling", "risk-management"),
        comments=(
            Comment("grace", 2, "Which tool are you using for the schedule?"),
            Comment("daniel", 3, "P6, about 40 activities."),
        ),
        up="hiro grace",
        body="""
            The programme now asks for quantitative schedule risk analysis (Monte Carlo) on all
            projects. For my £5m pipeline renewals, with a 40-activity schedule, it feels like a
            lot of effort for a number nobody will use.

            Is there a light version that is still meaningful?
        """,
        answers=(
            Answer(
                "hiro",
                7,
                """
                Yes. The light version we use for projects under £10m:

                - **Three-point durations** (optimistic, most likely, pessimistic) only for the
                  10–15 activities on or near the critical path, in a one-hour workshop.
                - Two or three **discrete risks** mapped to activities (e.g. "ground water in
                  the shafts, 30 %, +3 weeks").
                - Run the simulation, report **P50 and P80 completion** and the top three
                  drivers.

                Half a day in total. The most useful output is usually the driver list, not
                the dates.
                """,
                up="daniel grace sophie.martin",
                accepted=True,
            ),
            Answer(
                "grace",
                10,
                """
                And make sure the schedule logic is sound first (no open ends, few constraints):
                a Monte Carlo on a bad network gives precise-looking nonsense.
                """,
                up="daniel hiro",
            ),
        ),
    ),
    Question(
        key="seconded-engineer-day-one",
        author="bob",
        asked="2026-10-06 08:00",
        title="Seconded to a project for six months as the client's engineer — what should I "
        "ask the project manager on day one?",
        topics=("stakeholder-engagement", "project-management"),
        up="sophie.martin olivia charlie",
        body="""
            I am joining the Harbour Road pumping station rebuild as the client's technical
            lead for six months, from a reliability role. I have not worked on a capital
            project team before.

            What should I ask the project manager in the first week so I am useful quickly?
        """,
        answers=(
            Answer(
                "sophie.martin",
                4,
                """
                Welcome to the dark side. My list:

                1. **What decisions are coming up** in the next three months that need a
                   technical view? That is where you add value fastest.
                2. What is my **authority**: can I instruct the contractor, or only advise you?
                   (Under NEC it matters who is the project manager's delegate.)
                3. Where are the **scope, the programme and the risk register**, and which
                   risks are technical?
                4. Who are the **stakeholders** on the operations side, and who do they trust?
                5. What does the PM **not** want from me? (Usually: instructions to the
                   contractor without telling them.)
                """,
                up="bob olivia charlie grace",
                accepted=True,
            ),
            Answer(
                "olivia",
                20,
                """
                Ask for the **design risk** and **operability review** records. A reliability
                engineer who reads the pump selection and the station layout with fresh eyes
                in week one can save months later (see @daniel's handover story).
                """,
                up="bob sophie.martin daniel",
                comments=(Comment("bob", 5, "Good point, I've asked for the pump datasheets."),),
            ),
        ),
    ),
    Question(
        key="target-cost-small-project",
        author="olivia",
        asked="2026-10-28 19:40",
        title="Has anyone used a target cost contract with pain/gain share on a small project? "
        "Was the admin worth it?",
        topics=("contracts",),
        comments=(
            Comment(
                "fatima",
                14,
                "I have a view but I'd like to hear from someone who has run one first.",
            ),
        ),
        up="fatima",
        body="""
            We are procuring a £3m chemical dosing upgrade and the commercial team suggests
            NEC Option C (target with activity schedule) instead of Option A (priced). I like
            the collaboration it encourages, but I worry about the cost of auditing defined
            cost on a small job.

            Experiences?
        """,
    ),
    Question(
        key="client-raci-design-build",
        author="charlie",
        asked="2026-11-12 14:25",
        title="Template for a client-side RACI on a design-and-build treatment works upgrade?",
        topics=("stakeholder-engagement", "project-management"),
        body="""
            On the Riverside upgrade the client side has the project manager, the client's
            engineer, operations, asset management, the regulator liaison and procurement, and
            it is not always clear who approves what (design reviews, method statements,
            outages, changes).

            Does anyone have a RACI they used on a similar design-and-build job that I could
            adapt?
        """,
    ),
)
