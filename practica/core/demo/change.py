"""Questions in Change Practitioners (private: only its members see these)."""

from .records import Answer, Comment, Question

QUESTIONS: tuple[Question, ...] = (
    Question(
        key="crews-refuse-mobile-app",
        author="nina",
        asked="2026-02-12 09:20",
        title='Field crews are refusing the new mobile work management app — "it takes longer '
        'than paper". Where do I start?',
        topics=("resistance", "training-adoption", "adkar"),
        up="amara lucas james bob",
        body="""
            Six weeks after go-live in the Eastern region, only about 35 % of work orders are
            closed on the tablets. The crews say the app takes longer than the paper job
            sheets, the supervisors are quietly letting them carry on with paper, and the
            planners re-key everything.

            Training attendance was 95 %, so it is not that they were not trained. Where would
            you start?
        """,
        answers=(
            Answer(
                "lucas",
                4,
                """
                Go out with the crews for a day before you decide anything. In my experience
                "takes longer" is often **literally true** for some jobs, and finding out which
                is the quickest way to earn credibility.

                Things we found on a similar rollout:
                - **Too many mandatory fields** for simple jobs (12 fields to close a 10-minute
                  valve exercise).
                - **No signal** in the pumping station basements, and the offline mode was
                  not explained in training.
                - The tablets were in the van, not in the hand.

                Fix two or three of those visibly and quickly, and tell the crews you fixed
                them because they told you. Then the conversation about the rest changes.
                """,
                up="nina amara james bob sanjay",
                accepted=True,
                comments=(
                    Comment(
                        "nina",
                        50,
                        "Spent Tuesday with a crew in Thurrock. 14 mandatory fields to close a "
                        "hydrant inspection. Taking that to the design authority this week.",
                    ),
                ),
            ),
            Answer(
                "amara",
                6,
                """
                An ADKAR lens helps you target the effort: training covered **Knowledge**, but
                the barrier may be **Desire** (what is in it for the crews?) or **Ability**
                (can they do it on a real job, in the rain, with gloves?). A quick pulse survey
                or a few conversations per depot will show which, and the fixes are very
                different.

                Also look at the **supervisors**: if they accept paper, the message is that the
                change is optional. They need their own briefing and their own reasons.
                """,
                up="nina lucas sanjay",
            ),
            Answer(
                "bob",
                30,
                """
                From the engineering side: the crews are right that the failure code screen is
                unusable on a phone-sized screen; it was designed for desktops. @sanjay knows
                the history. Worth fixing before the next region goes live.
                """,
                up="nina lucas",
                comments=(
                    Comment(
                        "sanjay",
                        4,
                        "Yes: it's on the backlog as a change request. I'll "
                        "push for it in the next release.",
                    ),
                ),
            ),
        ),
    ),
    Question(
        key="sponsor-skipping-steering",
        author="amara",
        asked="2026-03-05 14:00",
        title="Our executive sponsor has skipped three steering meetings — how do you "
        "re-engage a sponsor without going over their head?",
        topics=("sponsorship",),
        up="nina james",
        body="""
            The sponsor of the operating model review (a director) has sent a delegate to the
            last three steering meetings. The delegate cannot make decisions, so decisions
            wait a month. People in the business are noticing that the sponsor is absent.

            How do you raise this with a senior sponsor without damaging the relationship?
        """,
        answers=(
            Answer(
                "nina",
                5,
                """
                Ask for a 20-minute one-to-one and go with **evidence and an ask**, not a
                complaint: "Three decisions have waited a month each, and teams are asking
                whether this is still a priority. Here is what I need from you in the next six
                weeks." Make the ask specific and small: attend two depot visits, record a
                two-minute video, chair one meeting.

                Sponsors are often absent because they do not know what is expected of them.
                A one-page **sponsor roadmap** (what, when, why it matters) helps a lot.
                """,
                up="amara james lucas",
            ),
            Answer(
                "james",
                8,
                """
                Speaking as a sponsor: what works on me is Nina's approach, plus **make it easy**.
                Tell me exactly what to say, give me the three points on one page, and put the
                time in my diary. And tell me honestly what it costs when I am absent: I would
                rather hear "your absence is being read as lack of support" from you than find
                out from a survey.
                """,
                up="amara nina rachel sophie.martin",
                accepted=True,
                comments=(Comment("amara", 3, "That is really helpful, thank you James."),),
            ),
        ),
    ),
    Question(
        key="change-saturation-depots",
        author="james",
        asked="2026-04-14 11:30",
        title="How do you measure change saturation when five programmes land on the same "
        "depots in one quarter?",
        topics=("change-management", "communication-planning"),
        comments=(
            Comment(
                "rachel",
                3,
                "From the comms side: the depot managers are already asking me the same question.",
            ),
        ),
        up="nina amara",
        body="""
            In the third quarter the depots will get the new EAM system, a new shift pattern, a
            new vehicle tracking system, a health and safety campaign and a restructure of
            supervisors. Each programme thinks its own change is manageable.

            How do you measure the combined load in a way that would convince the executive to
            re-sequence something?
        """,
        answers=(
            Answer(
                "amara",
                6,
                """
                A **change heatmap**: rows are teams (e.g. each depot's crews, planners,
                supervisors), columns are months, and each cell sums the **impact** of every
                change landing on that team that month.

                Score impact simply: 1 = awareness only, 2 = new process or tool, 3 = new role,
                job loss or major behaviour change. Or better, estimate **hours** (training,
                learning curve, disruption) per person.

                The executive conversation changes when they see one column where crews have 60
                hours of change in a month they also need for winter readiness.
                """,
                up="james nina rachel sanjay",
                accepted=True,
            ),
            Answer(
                "nina",
                10,
                """
                Collect the data from the **programme plans**, not from the programmes' own
                assessments. Each programme rates its own impact as low. And include BAU
                peaks (winter, audits, annual leave) in the heatmap.
                """,
                up="james amara",
            ),
        ),
    ),
    Question(
        key="adkar-survey-questions",
        author="sanjay",
        asked="2026-05-13 05:45",
        title="Has anyone measured ADKAR with a survey? How do you phrase the questions?",
        topics=("adkar",),
        up="amara nina",
        body="""
            For the EAM rollout I would like to run a short readiness survey per team based on
            ADKAR, repeated before and after go-live. My draft questions read like an exam.

            Has anyone got questions that worked?
        """,
        answers=(
            Answer(
                "amara",
                4,
                """
                These five (agree 1–5) worked for us, one per element:

                1. **Awareness**: "I understand why we are changing how we record maintenance work."
                2. **Desire**: "I want to use the new system."
                3. **Knowledge**: "I know how to complete my usual tasks in the new system."
                4. **Ability**: "I can complete a job in the new system as quickly as before."
                5. **Reinforcement**: "My supervisor expects me to use the new system."

                Add one free-text question: "What would make it easier?" That is where the
                useful answers are. Report the **lowest element per team** rather than
                averages: it tells you what to do next.
                """,
                up="sanjay nina lucas emma.lindqvist",
                accepted=True,
            ),
            Answer(
                "nina",
                10,
                """
                Keep it under two minutes and use it to start **conversations** with supervisors,
                not as a report card. Teams stop answering surveys that never change anything.
                """,
                up="sanjay amara",
            ),
        ),
    ),
    Question(
        key="union-shift-patterns",
        author="ben.carter",
        asked="2026-06-02 12:10",
        title="When do you bring the union in on a change to shift patterns: before or after "
        "the design is done?",
        topics=("change-management", "resistance"),
        comments=(Comment("nina", 2, "Who in HR is leading the consultation?"),),
        up="james nina",
        body="""
            The operations review proposes moving treatment works operators from 12-hour to
            8-hour shifts. HR suggests we finish the design and then start formal consultation.
            My instinct is that the union will see that as a done deal.
        """,
        answers=(
            Answer(
                "james",
                6,
                """
                Before. Formal consultation has its own legal timeline and you must follow it,
                but nothing stops you **involving union representatives in the design** before
                it starts: share the problem (fatigue data, coverage gaps), ask for options,
                and test the draft patterns with them.

                We did that for the network control room rosters. The pattern we ended up with
                was better than ours, and formal consultation took four weeks instead of the
                months everyone expected.
                """,
                up="ben.carter nina rachel sophie.martin",
                accepted=True,
            ),
            Answer(
                "rachel",
                20,
                """
                And agree **joint communications** with the union for each stage. Operators
                trust a message signed by both sides far more than one from the programme.
                """,
                up="ben.carter james",
            ),
        ),
    ),
    Question(
        key="super-user-burnout",
        author="lucas",
        asked="2026-07-01 13:50",
        title="Our super-users are burning out two months after go-live — how do you sustain "
        "the network?",
        topics=("training-adoption",),
        up="amara nina sanjay",
        body="""
            We have 40 super-users across the depots for the EAM system. Two months after
            go-live, half of them say they spend most of their day answering questions on top
            of their own job, and three have asked to step down.

            How do others keep a super-user network going after the launch excitement?
        """,
        answers=(
            Answer(
                "amara",
                5,
                """
                Three things that matter most:

                - **Time**: agree a real allocation (e.g. 20 % for three months, then 10 %)
                  with their managers, and **backfill** it. Otherwise it is a favour, and
                  favours run out.
                - **Recognition**: a named role, a line in their objectives, a thank-you from the
                  sponsor.
                - **Deflection**: look at what they get asked and fix the top questions (a
                  quick reference card, a system change) so the volume drops.
                """,
                up="lucas nina sanjay",
            ),
            Answer(
                "sanjay",
                9,
                """
                From the system side: the top five questions we log are all about two screens.
                We are changing them in the next release. Please send your super-users'
                questions to the EAM backlog; they are the best requirements we get.
                """,
                up="lucas amara",
            ),
            Answer(
                "nina",
                24,
                """
                Also plan the **end state**: the network should shrink to a permanent group of
                enthusiasts with a clear role in the continuous improvement of the system. Tell
                the rest when their intensive role ends.
                """,
                up="lucas",
            ),
        ),
    ),
    Question(
        key="communicate-undecided-restructure",
        author="rachel",
        asked="2026-08-06 16:00",
        title="How do you communicate a restructure when half the details are not decided yet?",
        topics=("communication-planning", "resistance"),
        up="nina james ben.carter",
        body="""
            The supervisor restructure will be announced next month. Numbers, locations and the
            selection process are not settled. Leadership wants to "wait until we have all
            the answers". The rumours have already started.

            How do you communicate when you do not have the answers?
        """,
        answers=(
            Answer(
                "nina",
                5,
                """
                Silence is filled by rumour, and rumours are always worse. Communicate in three
                parts, every time:

                1. **What we know** (and it is decided).
                2. **What we do not know yet**, and **when** we expect to.
                3. **What will not change** (often more reassuring than anything else).

                Brief **managers first**, a day before, with the same message and an FAQ, so
                they are not surprised by their teams' questions. And set a rhythm (e.g.
                fortnightly updates even if the update is "no change"), so people know when the
                next information comes.
                """,
                up="rachel james ben.carter amara",
                accepted=True,
            ),
            Answer(
                "james",
                10,
                """
                I will make that case to the leadership team. "We will tell you when we know" is
                fine only if it comes with a date.
                """,
                up="rachel nina",
            ),
        ),
    ),
    Question(
        key="eam-adoption-measures",
        author="emma.lindqvist",
        asked="2026-09-15 08:45",
        title='What adoption measures do you report for a new EAM system beyond "number of '
        'logins"?',
        topics=("training-adoption",),
        comments=(
            Comment("sanjay", 1, "Great question, we need this for the steering report too."),
        ),
        up="amara sanjay",
        body="""
            The programme reports weekly logins and work orders created. Both look healthy, but
            from the data side I can see that failure codes are missing on 70 % of corrective
            work orders and many jobs are closed days after the work was done.

            Which measures do you use to show whether people are really using the system as
            intended?
        """,
        answers=(
            Answer(
                "amara",
                6,
                """
                Measure the **behaviours** the system was bought for. Our EAM set:

                - % of corrective work orders closed **with a failure code** (data quality);
                - % of work orders closed **on the same day** as the work (use in the field);
                - % of jobs with **actual hours** recorded;
                - backlog age (are planners using it to plan?);
                - % of jobs raised from the mobile app rather than by phone to the planners.

                Report them **per team** with a trend, and pair each with a named owner who can
                act on it.
                """,
                up="emma.lindqvist sanjay nina lucas",
                accepted=True,
            ),
            Answer(
                "sanjay",
                10,
                """
                I can build those from the EAM reporting views. Failure codes and same-day
                closure are straightforward; actual hours depend on whether timesheets go
                through EAM in that region.
                """,
                up="emma.lindqvist amara",
            ),
        ),
    ),
    Question(
        key="impact-assessment-planned-maintenance",
        author="sanjay",
        asked="2026-10-22 10:15",
        title="Change impact assessment for moving from reactive to planned maintenance: what "
        "would you include?",
        topics=("change-management",),
        up="nina",
        body="""
            The Western region is moving from mostly reactive maintenance to planned and
            scheduled work (weekly schedules, planners, backlog management). I need to write the
            change impact assessment for crews, supervisors, planners and stores.

            Beyond the usual process/system/role columns, what should I include?
        """,
    ),
    Question(
        key="manager-undermining-change",
        author="lucas",
        asked="2026-11-14 15:05",
        title="How do you handle a manager who publicly supports the change but undermines it "
        "with their team?",
        topics=("resistance", "sponsorship"),
        comments=(
            Comment("amara", 20, "Have you seen it yourself, or only heard about it second-hand?"),
            Comment("lucas", 22, "Second-hand, from three different people."),
        ),
        body="""
            One depot manager says all the right things in steering meetings. Their team tells
            our super-users that the manager calls the new system "head office's toy" and tells
            them to "keep the old spreadsheets just in case".

            How would you approach this?
        """,
    ),
)
