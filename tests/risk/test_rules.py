"""Each significance rule, in both directions, in several phrasings; English, Ukrainian and Russian."""

from __future__ import annotations

import pytest

from tests.risk.helpers import TAXONOMY, findings, rules_of

# (id, old, new, rule, headline old → new, headline new → old)
BOTH_WAYS: list[tuple[str, str, str, str, str, str]] = [
    # --- obligation strength: shall / must / undertakes > will > should > may / will endeavour
    (
        "shall-may",
        "Each Party shall withdraw its forces.",
        "Each Party may withdraw its forces.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "must-should",
        "The Guarantors must provide assistance.",
        "The Guarantors should provide assistance.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "undertake-endeavour",
        "The Parties undertake to release all prisoners.",
        "The Parties will endeavour to release all prisoners.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "shall-expected",
        "The Parties shall hold elections.",
        "The Parties are expected to hold elections.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        # shall → will was a flag before issue 14; both bind in a framework text (noise).
        "will-should",
        "The Mission will report to the Parties.",
        "The Mission should report to the Parties.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "shall-parenthetical",
        "Each Party shall, within 30 days, withdraw its forces.",
        "Each Party may, within 30 days, withdraw its forces.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "uk-зобов'язуються-можуть",
        "Сторони зобов'язуються відвести війська.",
        "Сторони можуть відвести війська.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "uk-обов'язково-може",
        "Сторона обов'язково повідомляє місію.",
        "Сторона може повідомити місію.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "uk-повинні-докладуть",
        "Гаранти повинні надати допомогу.",
        "Гаранти докладуть зусиль надати допомогу.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "ru-обязуются-могут",
        "Стороны обязуются отвести войска.",
        "Стороны могут отвести войска.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "ru-должны-следует",
        "Стороны должны освободить пленных.",
        "Сторонам следует освободить пленных.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    # --- negation
    (
        "not",
        "Each Party shall withdraw its forces.",
        "Each Party shall not withdraw its forces.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "no",
        "Armed forces shall be present in the zone.",
        "No armed forces shall be present in the zone.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "nothing",
        "This Agreement shall be construed as recognition of the line.",
        "Nothing in this Agreement shall be construed as recognition of the line.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "neither",
        "Each Party shall join a military alliance.",
        "Neither Party shall join a military alliance.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "may-not",
        "The Mission may enter the zone.",
        "The Mission may not enter the zone.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "uk-не",
        "Сторони розміщують важке озброєння в зоні.",
        "Сторони не розміщують важке озброєння в зоні.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "uk-жодна",
        "Кожна Сторона вступає до альянсу.",
        "Жодна Сторона вступає до альянсу.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "ru-не",
        "Стороны размещают тяжелое вооружение в зоне.",
        "Стороны не размещают тяжелое вооружение в зоне.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    (
        "ru-ни",
        "Каждая из Сторон вступает в альянс.",
        "Ни одна из Сторон вступает в альянс.",
        "negation",
        "Negation added",
        "Negation removed",
    ),
    # --- numbers with units and direction
    (
        "km",
        "a zone with a total width of 15 km",
        "a zone with a total width of 10 km",
        "number",
        "Distance reduced by 5 km",
        "Distance increased by 5 km",
    ),
    (
        "personnel",
        "shall not exceed 600,000 personnel",
        "shall not exceed 800,000 personnel",
        "number",
        "Number of personnel increased by 200,000 (+33%)",
        "Number of personnel reduced by 200,000 (−25%)",
    ),
    (
        "troops",
        "a contingent of 5,000 troops",
        "a contingent of 7 500 troops",
        "number",
        "Number of personnel increased by 2,500 (+50%)",
        "Number of personnel reduced by 2,500 (−33%)",
    ),
    (
        "money",
        "a capitalisation of EUR 40 billion",
        "a capitalisation of EUR 20 billion",
        "number",
        "Amount reduced by 50%",
        "Amount increased by 100%",
    ),
    (
        "percent",
        "not less than 30 per cent of the assets",
        "not less than 40% of the assets",
        "number",
        "Percentage raised by 10 points",
        "Percentage lowered by 10 points",
    ),
    (
        "calibre",
        "artillery of calibre 100 mm and above",
        "artillery of calibre 122 mm and above",
        "number",
        "Calibre threshold raised by 22 mm",
        "Calibre threshold lowered by 22 mm",
    ),
    (
        "uk-км",
        "на відстань не менше 15 км від лінії",
        "на відстань не менше 30 км від лінії",
        "number",
        "Distance increased by 15 км",
        "Distance reduced by 15 км",
    ),
    (
        "ru-км",
        "на расстояние 25 км от линии",
        "на расстояние 5 км от линии",
        "number",
        "Distance reduced by 20 км",
        "Distance increased by 20 км",
    ),
    (
        "uk-осіб",
        "чисельністю до 1 200 осіб",
        "чисельністю до 2 400 осіб",
        "number",
        "Number of personnel increased by 1,200 (+100%)",
        "Number of personnel reduced by 1,200 (−50%)",
    ),
    # --- deadlines, durations, dates
    (
        "within-days",
        "shall withdraw within 30 days of signature",
        "shall withdraw within 60 days of signature",
        "deadline",
        "Deadline extended by 30 days",
        "Deadline shortened by 30 days",
    ),
    (
        "within-hours",
        "shall hold consultations within 72 hours",
        "shall hold consultations within 24 hours",
        "deadline",
        "Deadline shortened by 48 hours",
        "Deadline extended by 48 hours",
    ),
    (
        "not-earlier",
        "not earlier than five years after entry into force",
        "not earlier than three years after entry into force",
        "deadline",
        "Waiting period shortened by 2 years",
        "Waiting period lengthened by 2 years",
    ),
    (
        "period",
        "in three phases over a period of 24 months",
        "in three phases over a period of 36 months",
        "deadline",
        "Period lengthened by 12 months",
        "Period shortened by 12 months",
    ),
    (
        "uk-днів",
        "протягом 30 днів з дати підписання",
        "протягом 60 днів з дати підписання",
        "deadline",
        "Deadline extended by 30 days",
        "Deadline shortened by 30 days",
    ),
    (
        "ru-часов",
        "в течение 72 часов после нападения",
        "в течение 24 часов после нападения",
        "deadline",
        "Deadline shortened by 48 hours",
        "Deadline extended by 48 hours",
    ),
    (
        "date",
        "shall be adopted by 31 December 2026",
        "shall be adopted by 31 March 2027",
        "deadline",
        "Date moved later by 90 days",
        "Date moved earlier by 90 days",
    ),
    (
        "uk-date",
        "до 31 грудня 2026 року",
        "до 31 березня 2027 року",
        "deadline",
        "Date moved later by 90 days",
        "Date moved earlier by 90 days",
    ),
    # --- a deadline made a waiting period: the bound reversed, whatever it bounds (a number,
    # a date, an ordinal in words)
    (
        "ru-deadline-reversed-ordinal",
        "Обмен пленными состоится не позднее третьего дня после подписания.",
        "Обмен пленными состоится не ранее третьего дня после подписания.",
        "deadline",
        "Deadline made a waiting period",
        "Waiting period made a deadline",
    ),
    (
        "uk-deadline-reversed-ordinal",
        "Обмін полоненими відбудеться не пізніше третього дня після підписання.",
        "Обмін полоненими відбудеться не раніше третього дня після підписання.",
        "deadline",
        "Deadline made a waiting period",
        "Waiting period made a deadline",
    ),
    (
        "en-deadline-reversed-days",
        "Elections shall be held no later than 90 days after the withdrawal.",
        "Elections shall be held not earlier than 90 days after the withdrawal.",
        "deadline",
        "Deadline made a waiting period",
        "Waiting period made a deadline",
    ),
    (
        "en-deadline-reversed-within",
        "The Parties shall exchange the lists of detainees within 30 days.",
        "The Parties shall exchange the lists of detainees after 30 days.",
        "deadline",
        "Deadline made a waiting period",
        "Waiting period made a deadline",
    ),
    (
        "en-deadline-reversed-date",
        "The Mission shall be deployed no later than 1 March 2027.",
        "The Mission shall be deployed no earlier than 1 March 2027.",
        "deadline",
        "Deadline made a waiting period",
        "Waiting period made a deadline",
    ),
    # --- how often: a frequency said in words, made less or more frequent
    (
        "en-frequency",
        "The Joint Commission shall meet at least once a week.",
        "The Joint Commission shall meet at least once a month.",
        "deadline",
        "Frequency lowered",
        "Frequency raised",
    ),
    (
        "en-frequency-adverb",
        "The Mission shall report to the Guarantors monthly.",
        "The Mission shall report to the Guarantors annually.",
        "deadline",
        "Frequency lowered",
        "Frequency raised",
    ),
    (
        "uk-frequency",
        "Спільна комісія звітує Сторонам щотижня.",
        "Спільна комісія звітує Сторонам щокварталу.",
        "deadline",
        "Frequency lowered",
        "Frequency raised",
    ),
    (
        "ru-frequency",
        "Совместная комиссия собирается ежемесячно.",
        "Совместная комиссия собирается раз в год.",
        "deadline",
        "Frequency lowered",
        "Frequency raised",
    ),
    # a count of times in the period: "twice a month" is more often than "once a month"
    (
        "en-frequency-twice",
        "The Joint Commission shall meet once a month.",
        "The Joint Commission shall meet twice a month.",
        "deadline",
        "Frequency raised",
        "Frequency lowered",
    ),
    (
        "en-frequency-times",
        "The monitors shall inspect the sites three times a week.",
        "The monitors shall inspect the sites once a week.",
        "deadline",
        "Frequency lowered",
        "Frequency raised",
    ),
    (
        "ru-frequency-twice",
        "Совместная комиссия собирается раз в месяц.",
        "Совместная комиссия собирается дважды в месяц.",
        "deadline",
        "Frequency raised",
        "Frequency lowered",
    ),
    # --- names of places, parties, organisations
    (
        "village",
        "between the village of Hollin and the town of Marren",
        "between the village of Dunmar and the town of Marren",
        "name",
        "Place changed",
        "Place changed",
    ),
    (
        "oblast",
        "the boundaries of the Donetsk Oblast",
        "the boundaries of the Kherson Oblast",
        "name",
        "Place changed",
        "Place changed",
    ),
    (
        "organisation",
        "under the observation of the OSCE",
        "under the observation of the United Nations",
        "name",
        "Organisation changed",
        "Organisation changed",
    ),
    (
        "organisation-added",
        "under the observation of the OSCE",
        "under the observation of the OSCE and the European Union",
        "name",
        "Organisation added",
        "Organisation removed",
    ),
    (
        "body",
        "the Guarantors shall lift the sanctions",
        "the Joint Commission shall lift the sanctions",
        "name",
        "Name changed",
        "Name changed",
    ),
    # --- conditions
    (
        "unless",
        "held not earlier than five years after entry into force.",
        "held not earlier than five years after entry into force, unless the Parties agree otherwise.",
        "condition",
        "Condition added",
        "Condition removed",
    ),
    (
        "subject-to",
        "The Guarantors shall lift the sanctions in three phases.",
        "Subject to verification by the Monitoring Mission, the Guarantors shall lift the sanctions in "
        "three phases.",
        "condition",
        "Condition added",
        "Condition removed",
    ),
    (
        "provided-that",
        "The Guarantors may ease the measures.",
        "The Guarantors may ease the measures, provided that the ceasefire is observed.",
        "condition",
        "Condition added",
        "Condition removed",
    ),
    (
        "if-changed",
        "shall be reimposed if the Joint Commission determines a breach.",
        "shall be reimposed if the Guarantors determine a breach.",
        "condition",
        "Condition changed",
        "Condition changed",
    ),
    (
        "if-unless",
        "shall be reimposed if the Parties agree.",
        "shall be reimposed unless the Parties agree.",
        "condition",
        "Condition reversed",
        "Condition reversed",
    ),
    (
        "uk-якщо",
        "Санкції скасовуються поетапно.",
        "Санкції скасовуються поетапно, якщо Сторони дотримуються режиму.",
        "condition",
        "Condition added",
        "Condition removed",
    ),
    (
        "ru-при-условии",
        "Санкции отменяются поэтапно.",
        "Санкции отменяются поэтапно при условии соблюдения режима прекращения огня.",
        "condition",
        "Condition added",
        "Condition removed",
    ),
    # --- what "all" covers
    (
        "all-living-hostages",
        "Within 72 hours, all hostages, alive and deceased, will be returned.",
        "Within 72 hours, all living hostages will be returned.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "uk-усі-живі-заручники",
        "Протягом 72 годин усі заручники, живі й загиблі, мають бути повернуті.",
        "Протягом 72 годин усі живі заручники мають бути повернуті.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "decides-calls-upon",  # a Security Council decision made a call: binding → recommended
        "Decides that all States shall prevent the supply of arms to the territory.",
        "Calls upon all States to prevent the supply of arms to the territory.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    # --- commitments
    (
        "guarantee-assurance",
        "The Guarantors shall provide Ukraine with reliable security guarantees.",
        "The Guarantors shall provide Ukraine with security assurances.",
        "commitment",
        "Guarantee weakened to an assurance",
        "Assurance strengthened to a guarantee",
    ),
    (
        "uk-гарантії-запевнення",
        "Гаранти надають Україні надійні гарантії безпеки.",
        "Гаранти надають Україні запевнення щодо безпеки.",
        "commitment",
        "Guarantee weakened to an assurance",
        "Assurance strengthened to a guarantee",
    ),
    (
        "ru-гарантии-поддержка",
        "Гаранты предоставляют Украине гарантии безопасности.",
        "Гаранты предоставляют Украине поддержку в области безопасности.",
        "commitment",
        "Guarantee weakened to support",
        "Support strengthened to a guarantee",
    ),
    # --- exceptions
    (
        "with-the-exception",
        "No armed forces shall be present in the zone.",
        "No armed forces shall be present in the zone, with the exception of the Monitoring Mission.",
        "exception",
        "Exception added",
        "Exception removed",
    ),
    (
        "except",
        "The Parties shall refrain from the use of force.",
        "The Parties shall refrain from the use of force, except in self-defence.",
        "exception",
        "Exception added",
        "Exception removed",
    ),
    (
        "widened",
        "No forces shall be present, with the exception of the Monitoring Mission and civilian police.",
        "No forces shall be present, with the exception of the Monitoring Mission, engineering units and "
        "civilian "
        "police.",
        "exception",
        "Exception widened",
        "Exception narrowed",
    ),
    (
        "uk-чи-widened",  # "чи" (or) joins the items of a Ukrainian list as "або" does
        "Збройні формування не перебувають у зоні, за винятком моніторингової місії чи цивільної поліції.",
        "Збройні формування не перебувають у зоні, за винятком моніторингової місії, інженерних підрозділів"
        " чи цивільної поліції.",
        "exception",
        "Exception widened",
        "Exception narrowed",
    ),
    (
        "uk-за-винятком",
        "Збройні сили не перебувають у зоні.",
        "Збройні сили не перебувають у зоні, за винятком моніторингової місії.",
        "exception",
        "Exception added",
        "Exception removed",
    ),
    # --- scope words
    (
        "all",
        "shall release all prisoners of war",
        "shall release prisoners of war",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "one-month-6-weeks",
        "Foreign forces shall withdraw within one month of signature.",
        "Foreign forces shall withdraw within 6 weeks of signature.",
        "deadline",
        "Deadline extended by about 12 days",
        "Deadline shortened by about 12 days",
    ),
    (
        "shall-intend",
        "The Parties shall release all detainees.",
        "The Parties intend to release all detainees.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "obliged-invited",
        "The Parties are obliged to exchange prisoners.",
        "The Parties are invited to exchange prisoners.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "will-best-endeavours",
        "The Parties will release all detainees.",
        "The Parties will use their best endeavours to release all detainees.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "uk-mayut-namir",
        "Сторони зобов'язуються звільнити всіх затриманих.",
        "Сторони мають намір звільнити всіх затриманих.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "where-feasible",
        "The Parties shall release all detainees.",
        "The Parties shall, where feasible, release all detainees.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "uk-za-nayavnosti",
        "Держави-донори профінансують відновлення енергетичної інфраструктури.",
        "Держави-донори за наявності коштів профінансують відновлення енергетичної інфраструктури.",
        "condition",
        "Condition added",
        "Condition removed",
    ),
    (
        "ru-pri-nalichii",
        "Доноры профинансируют восстановление энергетической инфраструктуры.",
        "Доноры при наличии средств профинансируют восстановление энергетической инфраструктуры.",
        "condition",
        "Condition added",
        "Condition removed",
    ),
    (
        "ru-vsei-territorii",
        "Российские войска будут выведены со всей территории Харьковской области.",
        "Российские войска будут выведены с территории Харьковской области.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "uk-vsiiei-terytorii",
        "Російські війська буде виведено з усієї території Харківської області.",
        "Російські війська буде виведено з території Харківської області.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "completely",
        "Foreign forces shall withdraw completely from the territory within 30 days.",
        "Foreign forces shall withdraw from the territory within 30 days.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "in-their-entirety",
        "The sanctions shall be lifted in their entirety.",
        "The sanctions shall be lifted.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "uk-tsilkom",
        "Сторони цілком відводять важке озброєння.",
        "Сторони відводять важке озброєння.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "ru-tselikom",
        "Стороны целиком отводят тяжелые вооружения.",
        "Стороны отводят тяжелые вооружения.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    # full ↔ partial (risk_heldout10: "полного восстановления" → "частичного", unflagged)
    (
        "full-partial",
        "Modalities for the full restoration of economic ties shall be defined.",
        "Modalities for the partial restoration of economic ties shall be defined.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "uk-full-partial",
        "Визначення модальностей повного відновлення соціально-економічних зв'язків.",
        "Визначення модальностей часткового відновлення соціально-економічних зв'язків.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "ru-full-partial",
        "Определение модальностей полного восстановления социально-экономических связей.",
        "Определение модальностей частичного восстановления социально-экономических связей.",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "only",
        "shall be used for reconstruction",
        "shall be used only for reconstruction",
        "scope",
        "Scope narrowed",
        "Scope widened",
    ),
    (
        "permanently",
        "shall be withdrawn from the zone",
        "shall be permanently withdrawn from the zone",
        "scope",
        "Made permanent",
        "No longer permanent",
    ),
    (
        "temporarily-permanently",
        "shall be temporarily withdrawn",
        "shall be permanently withdrawn",
        "scope",
        "Made permanent",
        "Made temporary",
    ),
    (
        "bounds",
        "to a distance of not less than 25 km",
        "to a distance of up to 25 km",
        "scope",
        "Limit reversed",
        "Limit reversed",
    ),
    (
        "uk-тимчасово",
        "Сторони відводять війська.",
        "Сторони тимчасово відводять війська.",
        "scope",
        "Made temporary",
        "No longer temporary",
    ),
    # --- recognition wording
    (
        "de-jure",
        "construed as recognition de jure of any change",
        "construed as recognition de facto of any change",
        "recognition",
        "Recognition wording changed",
        "Recognition wording changed",
    ),
    (
        "recognise",
        "The Parties recognise the line of separation.",
        "The Parties respect the line of separation.",
        "recognition",
        "Recognition wording removed",
        "Recognition wording added",
    ),
    (
        "sovereignty",
        "respect the territorial integrity of the State",
        "respect the sovereignty of the State",
        "recognition",
        "Recognition wording changed",
        "Recognition wording changed",
    ),
    # --- bracketed (unagreed) text
    (
        "bracket-added",
        "shall not exceed 800,000 personnel.",
        "shall not exceed 800,000 personnel [in peacetime].",
        "brackets",
        "Bracketed text added",
        "Bracketed text dropped",
    ),
    (
        "bracket-lifted",
        "personnel [in peacetime].",
        "personnel in peacetime.",
        "brackets",
        "Brackets lifted (text agreed)",
        "Text put in brackets (reopened)",
    ),
    # --- issue 14: a mechanism per kind of real-register change
    (
        "consider-deploy",
        "The Alliance will consider the deployment of observers in the zone.",
        "The Alliance will deploy observers in the zone.",
        "obligation",
        "Obligation strengthened",
        "Obligation weakened",
    ),
    (
        "uk-effort-in-order-to",
        "Гаранти нададуть допомогу Сторонам.",
        "Гаранти докладуть зусиль, щоб надати допомогу Сторонам.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    # A number in words before a noun no unit class knows, against the same noun's number
    # (risk_heldout3: "for two constitutional terms" → "for one constitutional term").
    (
        "spelled-count",
        "The Commission shall be composed of two representatives of each Party.",
        "The Commission shall be composed of three representatives of each Party.",
        "number",
        "Number increased by 1",
        "Number reduced by 1",
    ),
    (
        "uk-spelled-count",
        "Сторони призначають двох представників до Комісії.",
        "Сторони призначають трьох представників до Комісії.",
        "number",
        "Number increased by 1",
        "Number reduced by 1",
    ),
    (
        "clock-moved",
        "The ceasefire takes effect at 00:00 on 15 February.",
        "The ceasefire takes effect at 06:00 on 15 February.",
        "deadline",
        "Time of day changed",
        "Time of day changed",
    ),
    (
        "ordinal-day-moved",
        "The exchange shall be completed no later than the fifth day after the withdrawal.",
        "The exchange shall be completed no later than the tenth day after the withdrawal.",
        "deadline",
        "Period lengthened by 5 days",
        "Period shortened by 5 days",
    ),
    (
        "body-spelt-out-not-held-by-the-other",
        "The Parties shall invite observers to the zone.",
        "The Parties shall invite the Aceh Monitoring Mission (AMM) to the zone.",
        "name",
        "Organisation added",
        "Organisation removed",
    ),
    (
        "entitled-instead-of-bound",
        "Aceh shall retain 70 per cent of the revenues.",
        "Aceh will be entitled to retain 70 per cent of the revenues.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    # Words of the taxonomy's lists in Ukrainian and Russian (risk_heldout4).
    (
        "ru-party-azerbaijan",
        "Контроль осуществляют органы Пограничной службы ФСБ России.",
        "Контроль осуществляют органы Пограничной службы ФСБ России совместно с Государственной пограничной службой Азербайджанской Республики.",
        "name",
        "Party added",
        "Party removed",
    ),
    (
        "uk-possibly",
        "Україна відновить управління банківською системою, і, можливо, буде створено механізм.",
        "Україна відновить управління банківською системою, і буде створено механізм.",
        "scope",
        "Scope widened",
        "Scope narrowed",
    ),
    (
        "uk-without-delay",
        "Держави-члени повинні без зволікань заморозити кошти.",
        "Держави-члени повинні заморозити кошти.",
        "qualifier",
        "Urgency removed",
        "Urgency added",
    ),
    # A duty only to consider what was to be done: "shall consider", "agree to consider",
    # "рассмотреть вопрос", "розглянути питання" (risk_heldout3: "shall consider launching").
    (
        "shall-consider",
        "The Parties shall launch a joint framework within ninety days.",
        "The Parties shall consider launching a joint framework within ninety days.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "agree-to-consider",
        "The Parties agree to establish a commission.",
        "The Parties agree to consider establishing a commission.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "ru-consider-question",
        "Стороны обязуются создать совместную комиссию.",
        "Стороны рассмотрят вопрос о создании совместной комиссии.",
        "obligation",
        "Obligation weakened",
        "Obligation strengthened",
    ),
    (
        "place-by-place-word",
        "The patrols will cover the Harrow Valley and the town of Brisk.",
        "The patrols will cover the town of Brisk.",
        "name",
        "Place removed",
        "Place added",
    ),
    (
        "ru-place-word-after",
        "Патрули будут действовать в Тверской области.",
        "Патрули будут действовать в Калужской области.",
        "name",
        "Place changed",
        "Place changed",
    ),
    (
        "body-for-listed",
        "The exchange will be verified by the OSCE.",
        "The exchange will be verified by the Joint Verification Commission.",
        "name",
        "Organisation changed",
        "Organisation changed",
    ),
    (
        "remedy-changed",
        "Displaced families will receive compensation from the fund.",
        "Displaced families will receive assistance from the fund.",
        "remedy",
        "Compensation replaced by assistance",
        "Assistance replaced by compensation",
    ),
    (
        "ru-remedy-removed",
        "Стороны обеспечат возмещение ущерба жителям пограничных районов.",
        "Стороны обеспечат жителям пограничных районов безопасность.",
        "remedy",
        "Compensation removed",
        "Compensation added",
    ),
    (
        "recognised-as-what",
        "The demarcation line will be recognised as a temporary line of separation.",
        "The demarcation line will be recognised as the state border.",
        "recognition",
        "Recognition wording changed",
        "Recognition wording changed",
    ),
    (
        "uk-deadline-one-unit",
        "Обмін полоненими відбудеться протягом 30 днів.",
        "Обмін полоненими відбудеться протягом року.",
        "deadline",
        "Deadline extended by 335 days",
        "Deadline shortened by 335 days",
    ),
    (
        "headcount-other-noun",
        "The armed forces will be limited to 600,000 units.",
        "The armed forces will remain at 800,000 personnel.",
        "number",
        "Number of personnel increased by 200,000 (+33%)",
        "Number of personnel reduced by 200,000 (−25%)",
    ),
    (
        "share-changed",
        "The revenue will be divided equally between the Parties.",
        "The revenue will be split 70:30 between the Parties.",
        "number",
        "Percentage raised by 20 points",
        "Percentage lowered by 20 points",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "rule", "headline"),
    [pytest.param(c[1], c[2], c[3], c[4], id=c[0]) for c in BOTH_WAYS],
)
def test_forward(old: str, new: str, rule: str, headline: str) -> None:
    assert (rule, headline) in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new", "rule", "headline"),
    [pytest.param(c[2], c[1], c[3], c[5], id=c[0]) for c in BOTH_WAYS],
)
def test_backward(old: str, new: str, rule: str, headline: str) -> None:
    assert (rule, headline) in rules_of(old, new)


# --- what the rules must stay silent about

COSMETIC: list[tuple[str, str, str]] = [
    ("spelling-ise", "The Parties recognise the line.", "The Parties recognize the line."),
    ("spelling-defence", "collective defence of the Parties", "collective defense of the Parties"),
    ("spelling-calibre", "artillery of calibre 100 mm", "artillery of caliber 100 mm"),
    (
        "spelling-endeavour",
        "The Guarantors will endeavour to agree.",
        "The Guarantors will endeavor to agree.",
    ),
    ("spelling-metres", "a strip 500 metres wide", "a strip 500 meters wide"),
    ("spelling-programme", "the demining programme", "the demining program"),
    (
        "spelling-apostrophe",
        "Сторони зобов'язуються відвести війська.",
        "Сторони зобов’язуються відвести війська.",
    ),
    ("spelling-ё", "тяжелое вооружение", "тяжёлое вооружение"),
    # Times of day and ordinals written in words or figures (risk_heldout3, risk_heldout4).
    (
        "uk-clock-in-words",
        "Припинення вогню з 00 год. 00 хв. 15 лютого 2015 року.",
        "Припинення вогню з 00:00 15 лютого 2015 року.",
    ),
    (
        "ru-clock-in-words",
        "Огонь прекращается с 00 ч. 00 мин. 27 июля.",
        "Огонь прекращается с 00:00 27 июля.",
    ),
    (
        "ordinal-in-words",
        "The exchange shall be completed no later than the fifth day after the withdrawal.",
        "The exchange shall be completed no later than the 5th day after the withdrawal.",
    ),
    (
        "uk-ordinal",
        "Розпочати не пізніше другого дня після відведення.",
        "Розпочати не пізніше 2-го дня після відведення.",
    ),
    ("ru-ordinal", "Начать не позднее пятого дня.", "Начать не позднее 5-го дня."),
    ("uk-teens", "Завершити протягом чотирнадцяти днів.", "Завершити протягом 14 днів."),
    # One name said otherwise (risk_heldout4): a place word moved, an acronym spelt out where
    # the other text writes it alone, a name at a sentence's start, a country's new name, a title.
    (
        "place-word-moved",
        "Movement to and from the city of Hodeidah and the three ports.",
        "Movement into and out of Hodeidah city and the three ports.",
    ),
    (
        "acronym-spelt-out",
        "The AMM will be established by the European Union.",
        "The Aceh Monitoring Mission (AMM) will be established by the European Union.",
    ),
    (
        "acronym-spelt-out-around-a-listed-name",
        "Decides to extend the mandate of UNMHA until 14 July 2025.",
        "Decides to extend the mandate of the United Nations Mission to support the Hodeidah Agreement (UNMHA) until 14 July 2025.",
    ),
    # An acronym spelt out in another language's initials, in its place between the same
    # words (risk_heldout10: ONUSAL is Spanish, ЮНКТАД English; "Organisation added", HIGH).
    (
        "acronym-spelt-out-in-place",
        "Verification of compliance shall be the responsibility of ONUSAL.",
        "Verification of compliance shall be the responsibility of the United Nations Observer Mission in El Salvador (ONUSAL).",
    ),
    (
        "ru-acronym-spelt-out-in-place",
        "Секретариат создает целевую группу под руководством ЮНКТАД.",
        "Секретариат создает целевую группу под руководством Конференции ООН по торговле и развитию (ЮНКТАД).",
    ),
    (
        "uk-acronym-spelt-out-in-place",
        "Секретаріат створює цільову групу на чолі з ЮНКТАД.",
        "Секретаріат створює цільову групу на чолі з Конференцією ООН з торгівлі та розвитку (ЮНКТАД).",
    ),
    (
        "ru-place-at-sentence-start",
        "Агдамский район должен быть возвращен Азербайджанской Республике до 20 ноября 2020 года.",
        "До 20 ноября 2020 года Азербайджанской Республике должен быть возвращен Агдамский район.",
    ),
    (
        "turkiye",
        "with representatives of Ukraine and Turkey.",
        "with representatives of Ukraine and Türkiye.",
    ),
    (
        "chair-title",
        "eight, including the Chairman, selected by the MILF.",
        "eight, including the Chair, selected by the MILF.",
    ),
    (
        "half-in-words",
        "The forces shall be redeployed within two and a half years of the signature.",
        "The forces shall be redeployed within 30 months of the signature.",
    ),
    (
        "uk-one-and-a-half",
        "Війська виводяться протягом півтора року.",
        "Війська виводяться протягом 18 місяців.",
    ),
    (
        "count-then-comma",
        "fifteen members, seven selected by the Government and eight, including the Chair, selected by the Front.",
        "15 members: 7 selected by the Government and 8, including the Chair, selected by the Front.",
    ),
    (
        "entitled-will-is",
        "Aceh will be entitled to retain 70 per cent of the revenues.",
        "Aceh is entitled to retain 70 per cent of the revenues.",
    ),
    (
        "uk-minimum",
        "зона безпеки шириною мінімум 50 км",
        "зона безпеки завширшки щонайменше п'ятдесят кілометрів",
    ),
    (
        "initials-with-of",
        "The Government of Indonesia will grant amnesty within 15 days of the signature of this MoU.",
        "The GoI will grant amnesty within 15 days of the signature of this Memorandum of Understanding.",
    ),
    (
        "in-any-case",
        "no later than 15 days after signature",
        "in any case no later than 15 days after signature",
    ),
    # Urgency said by the adjective or the adverb: "негайно припинили" = "негайного припинення".
    (
        "uk-immediate-adjective",
        "Вимагає, щоб усі сторони негайно припинили воєнні дії.",
        "Вимагає від усіх сторін негайного припинення бойових дій.",
    ),
    # A number in words with no partner says no quantity: "one Party" is a party, not a count.
    (
        "one-or-either",
        "One Party may request a meeting.",
        "Either Party may request a meeting.",
    ),
    ("two-sides-both", "The two sides shall meet monthly.", "Both sides shall meet monthly."),
    ("count-in-words-and-figures", "It has two representatives.", "It has 2 representatives."),
    ("thousands", "not exceed 600,000 personnel", "not exceed 600 000 personnel"),
    ("percent", "30 per cent of the assets", "30% of the assets"),
    ("spelled-number", "not earlier than five years after", "not earlier than 5 years after"),
    ("date-format", "by 31 December 2026", "by 31.12.2026"),
    ("hyphen", "recognition de facto", "recognition de-facto"),
    ("whitespace", "Each Party shall  withdraw\tits forces.", "Each Party shall withdraw its forces."),
    ("comma", "Each Party shall, within 30 days withdraw.", "Each Party shall within 30 days withdraw."),
    ("quotes", 'on the basis of "all for all";', "on the basis of “all for all”."),
    ("dash", "the line LC-01 to LC-64", "the line LC–01 to LC–64"),
    # issue 14: what only a translator changes
    (
        "negation-to-without",
        "Ukraine will not acquire nuclear weapons.",
        "Ukraine will remain a state without nuclear weapons.",
    ),
    (
        "uk-negation-to-without",
        "Україна не набуватиме ядерної зброї.",
        "Україна залишиться державою без ядерної зброї.",
    ),
    (
        "ru-after-that-clause",
        "После обмена всеми пленными стороны отведут войска.",
        "Стороны отведут войска после того, как будет завершён обмен всеми пленными.",
    ),
    (
        "recognised-as-same",
        "the line will be recognised as the state border",
        "the line will be recognized as a state border",
    ),
    ("within-a-year", "elections will be held within a year", "elections will be held within one year"),
    # One frequency in other words.
    ("monthly-every-month", "The Board shall meet monthly.", "The Board shall meet every month."),
    ("uk-weekly", "Комісія збирається щотижня.", "Комісія збирається раз на тиждень."),
    ("twice-two-times", "The Board shall meet twice a month.", "The Board shall meet two times a month."),
    ("uk-dvichi", "Комісія збирається два рази на місяць.", "Комісія збирається двічі на місяць."),
    # One deadline in other words: neither reversed nor changed.
    (
        "within-no-later",
        "lists shall be exchanged within 30 days",
        "lists shall be exchanged no later than 30 days",
    ),
    ("ne-pozdnee-v-techenie", "обмен состоится не позднее трех дней", "обмен состоится в течение трех дней"),
    (
        "remedy-synonym",
        "the Party will pay reparations for the damage",
        "the Party will pay compensation for the damage",
    ),
    ("uk-remedy-synonym", "Сторона надасть допомогу постраждалим.", "Сторона надасть кошти постраждалим."),
    (
        "share-words",
        "the output will be divided equally between them",
        "the output will be split 50:50 between them",
    ),
    (
        "expected-not",
        "The Guarantors are not expected to intervene.",
        "The Guarantors are expected not to intervene.",
    ),
    (
        "deadline-anchor",
        "All detainees will be released within 48 hours of the signing of the agreement.",
        "Within 48 hours after the agreement is signed, all detainees will be released.",
    ),
    (
        "ru-undecided-lemmas",
        "Численность не превысит 1000 человек в мирное время.",
        "Численность не превысит 1 000 человек в мирное время.",
    ),
    (
        "30-days-one-month",
        "Foreign forces shall withdraw within 30 days of signature.",
        "Foreign forces shall withdraw within one month of signature.",
    ),
    (
        "12-months-one-year",
        "The mandate of the Mission shall last 12 months.",
        "The mandate of the Mission shall last one year.",
    ),
    (
        "entirely-altogether",
        "Foreign forces shall leave the territory entirely within 180 days.",
        "Foreign forces shall leave the territory altogether within 180 days.",
    ),
    (
        "wholly-totally",
        "The zone shall be wholly demilitarised.",
        "The zone shall be totally demilitarised.",
    ),
    (
        "uk-zsu",
        "Чисельність Збройних Сил України в мирний час становитиме 800 тисяч військовослужбовців.",
        "Чисельність ЗСУ в мирний час становитиме 800 тисяч військовослужбовців.",
    ),
    (
        "afu-possessive",
        "The Armed Forces of Ukraine will withdraw from the part of Donetsk Oblast they control.",
        "Ukraine's armed forces will withdraw from the part of Donetsk Oblast they control.",
    ),
    (
        "uk-osce-spelt-out",  # "Європі" of the spelt-out name is no party added
        "Моніторинг здійснює Спеціальна моніторингова місія ОБСЄ.",
        "Моніторинг здійснює Спеціальна моніторингова місія Організації з безпеки і співробітництва в Європі"
        " (ОБСЄ).",
    ),
    (
        "ru-osce-spelt-out",
        "Мониторинг и верификация обеспечиваются ОБСЕ.",
        "Мониторинг и верификация обеспечиваются Организацией по безопасности и сотрудничеству в Европе (ОБСЕ).",
    ),
    (
        "osce-british-spelling",
        "Monitoring shall be carried out by the OSCE.",
        "Monitoring shall be carried out by the Organisation for Security and Co-operation in Europe.",
    ),
    (
        "words-and-figures",  # "two (2)": the figure in brackets repeats the words
        "Each Party shall appoint two (2) representatives to the Joint Commission.",
        "Each Party shall appoint 2 representatives to the Joint Commission.",
    ),
    (
        "all-the",  # what "all" covers, with a filler and its words reordered: the same
        "All the persons detained in connection with the conflict shall be released.",
        "All detained persons shall be released.",
    ),
    (
        "not-denied-granted",  # a refusal negated is its counterpart: the same polarity
        "Representatives of the ICRC shall not be denied access to places of detention.",
        "Representatives of the ICRC shall be granted access to places of detention.",
    ),
    (
        "name-typo",  # a name spelt otherwise by a letter is the same name
        "The National Government shall guarantee the security of the members of the new party.",
        "The National Goverment shall guarantee the security of the members of the new party.",
    ),
    (
        "name-initials",
        "The Government of the Federal Democratic Republic of Ethiopia shall protect civilians.",
        "The Government of the FDRE shall protect civilians.",
    ),
    # An acronym written out without brackets, in either text (risk_heldout8's kind): the
    # words whose initials it is are the one body, and a name inside them is no name added.
    (
        "acronym-spelt-out-unbracketed",
        "The GON and the NLF shall reopen the border crossings at once.",
        "The Government of Nepal and the National Liberation Front shall reopen the border crossings at once.",
    ),
    (
        "acronym-around-a-listed-name",
        "UNDOF shall remain in the area of separation for six months.",
        "The United Nations Disengagement Observer Force shall remain in the area of separation for six months.",
    ),
    (
        "acronym-holding-an-acronym",
        "Сторони визнають кордони Української РСР станом на 1991 рік.",
        "Сторони визнають кордони УРСР станом на 1991 рік.",
    ),
    (
        "not-limited-to",  # examples, neither an exception nor a restriction
        "The Parties shall cooperate with humanitarian organizations, including, but not limited to, the ICRC.",
        "The Parties shall cooperate with humanitarian organizations, including the ICRC.",
    ),
    (
        "uk-не-обмежуючись",
        "Сторони співпрацюють з гуманітарними організаціями, включаючи, але не обмежуючись, МКЧХ.",
        "Сторони співпрацюють з гуманітарними організаціями, включаючи МКЧХ.",
    ),
    (
        "possessive-name",
        "Foreign forces shall leave the territory of the Republic within 180 days.",
        "Foreign forces shall leave the Republic’s territory within 180 days.",
    ),
]


@pytest.mark.parametrize(("old", "new"), [pytest.param(c[1], c[2], id=c[0]) for c in COSMETIC])
def test_cosmetic_edits_find_nothing(old: str, new: str) -> None:
    assert findings(old, new) == []
    assert findings(new, old) == []


def test_same_strength_is_not_a_change() -> None:
    assert rules_of("Each Party shall withdraw.", "Each Party must withdraw.") == []
    assert rules_of("Each Party shall withdraw.", "Each Party undertakes to withdraw.") == []


def test_a_text_in_capitals_names_no_one_by_its_capitals() -> None:
    """A clause in capitals (typed so, or shown so by Word's w:caps, which the DOCX reader
    reads in capitals) flags what the same clause in lower case flags: its capitals are not
    names ("Name changed: 'SHALL WITHDRAW' → 'MAY WITHDRAW'" was)."""
    lower = (
        "The Parties shall withdraw 600,000 troops from Zaporizhzhia region within 30 days.",
        "The Parties may withdraw 800,000 troops from Kherson region within 60 days.",
    )
    shouted = tuple(text.upper() for text in lower)
    assert rules_of(*shouted) == rules_of(*lower)
    assert ("name", "Name changed") not in rules_of(*shouted)


def test_verb_change_alone_is_not_an_obligation_change() -> None:
    assert not [
        r
        for r in rules_of(
            "the Guarantors shall hold consultations", "the Guarantors shall convene consultations"
        )
        if r[0] == "obligation"
    ]


def test_bound_keeps_its_not() -> None:
    # "not less than" owns its "not": a number change inside it is not a negation change.
    rules = rules_of("to a distance of not less than 15 km", "to a distance of not less than 20 km")
    assert [r[0] for r in rules] == ["number"]


def test_exclusion_reworded_as_exception_is_not_negation() -> None:
    old = "The Parties shall grant an amnesty.\nThe amnesty shall not apply to war crimes or genocide."
    new = "The Parties shall grant an amnesty, other than war crimes or genocide."
    rules = [r[0] for r in rules_of(old, new)]
    assert "negation" not in rules and "obligation" not in rules and "exception" not in rules


def test_may_not_is_a_negation_not_also_an_obligation() -> None:
    rules = [r[0] for r in rules_of("The Mission may enter.", "The Mission may not enter.")]
    assert rules == ["negation"]


def test_number_inside_a_condition_is_reported_once_as_a_number() -> None:
    rules = [
        r[0]
        for r in rules_of(
            "shall lift them if no breach occurs within 30 days.",
            "shall lift them if no breach occurs within 60 days.",
        )
    ]
    assert rules == ["deadline"]


def test_cross_reference_renumbered_is_low_and_not_a_number() -> None:
    found = findings("the withdrawal under Article 4", "the withdrawal under Article 5")
    assert [(f.rule, f.headline) for f in found] == [("reference", "Cross-reference changed")]


def test_name_added_alone_is_not_flagged() -> None:
    # A defined term moving about ("The Reconstruction Fund shall …") is not a new party.
    assert (
        rules_of(
            "EUR 40 billion and shall be administered by the Bank.",
            "EUR 40 billion.\nThe Reconstruction Fund shall be administered by the Bank.",
        )
        == []
    )


def test_fragments_quote_the_drafters_words() -> None:
    (finding,) = [
        f for f in findings("Each Party shall withdraw its forces.", "Each Party may withdraw its forces.")
    ]
    assert (finding.old, finding.new) == ("shall withdraw", "may withdraw")
    (finding,) = findings("within 30 days of signature", "within 60 days of signature")
    assert (finding.old, finding.new) == ("within 30 days", "within 60 days")


def test_significance_grows_with_the_steps() -> None:
    one = findings("The Mission should report.", "The Mission may report.")[0].significance
    two = findings("The Mission shall report.", "The Mission should report.")[0].significance
    three = findings("The Mission shall report.", "The Mission may report.")[0].significance
    assert one < two < three


def test_number_significance_grows_with_the_change() -> None:
    small = findings("not exceed 600,000 personnel", "not exceed 610,000 personnel")[0].significance
    large = findings("not exceed 600,000 personnel", "not exceed 900,000 personnel")[0].significance
    assert small < large


def test_findings_inside_added_brackets_are_the_brackets_flag() -> None:
    rules = rules_of("The Parties shall withdraw.", "The Parties shall withdraw [within 30 days].")
    assert rules == [("brackets", "Bracketed text added")]
    rules = rules_of("The Parties shall withdraw [within 30 days].", "The Parties shall withdraw.")
    assert rules == [("brackets", "Bracketed text dropped")]
    # Brackets put around words already there leave the words' own findings alone.
    rules = rules_of(
        "The Parties shall withdraw within 30 days.", "The Parties shall withdraw [within 60 days]."
    )
    assert ("deadline", "Deadline extended by 30 days") in rules


def test_shall_and_will_are_one_binding_class() -> None:
    assert rules_of("The Mission shall report.", "The Mission will report.") == []
    assert rules_of("The Mission will report.", "The Mission must report.") == []


def test_negation_is_quoted_to_the_end_of_its_clause() -> None:
    (finding,) = [
        f
        for f in findings(
            "The Parties will not be required to recognise the disputed islands de jure.",
            "The Parties will be required to recognise the disputed islands de jure.",
        )
        if f.rule == "negation"
    ]
    assert finding.old.endswith("de jure")


def test_a_name_inside_an_added_condition_is_the_condition_flag() -> None:
    found = rules_of(
        "The Guarantors shall lift the sanctions.",
        "Subject to verification by the Monitoring Mission, the Guarantors shall lift the sanctions.",
    )
    assert ("condition", "Condition added") in found
    assert not [r for r in found if r[0] == "name"]


def test_a_release_made_partial_weighs_as_an_analyst_reads_it() -> None:
    # Issue 14 item 5: "all" dropped from a release (or "where possible" put in its place)
    # is what an analyst rates high; "all" dropped from demining is not a release.
    sig = TAXONOMY.significance
    for old, new in (
        ("The Parties will release all detainees.", "The Parties will release detainees."),
        ("The Parties will release all detainees.", "The Parties will release detainees where possible."),
    ):
        (release,) = [f for f in findings(old, new) if f.rule == "scope"]
        assert release.significance == sig.scope_urgent
    (demining,) = [
        f for f in findings("The Parties will demine all roads.", "The Parties will demine roads.")
    ]
    assert demining.significance == sig.scope_universal < sig.scope_urgent


def test_a_grant_of_amnesty_is_not_assistance() -> None:
    # "grants" (money) is assistance; "granted amnesty" is not a remedy at all.
    found = rules_of(
        "Fighters who disarm will be offered amnesty.", "Fighters who disarm will be granted amnesty."
    )
    assert not [r for r in found if r[0] == "remedy"]
    assert ("remedy", "Assistance added") in rules_of("The fund will help.", "The fund will provide grants.")


def test_without_in_both_texts_is_not_a_negation_moved() -> None:
    # "not … without consent" → "… without consent": the polarity turned.
    found = rules_of("The Parties will not act without consent.", "The Parties will act without consent.")
    assert ("negation", "Negation removed") in found
    found = rules_of("Ukraine will not acquire nuclear weapons.", "Ukraine will acquire nuclear weapons.")
    assert ("negation", "Negation removed") in found


def test_what_is_recognised_is_part_of_the_recognition() -> None:
    # One finding per real change: "sovereign" inside "recognised as a sovereign state".
    found = rules_of("The Republic is a party.", "The Republic is recognised as a sovereign state.")
    assert found.count(("recognition", "Recognition wording added")) == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "No foreign unit will be stationed on the islands.",
            "No foreign unit may be stationed on the islands.",
        ),
        ("Neither Party shall fly drones over the zone.", "Neither Party may fly drones over the zone."),
        (
            "Apart from the border guards, no armed group shall operate there.",
            "Apart from the border guards, no armed group may operate there.",
        ),
        ("The Parties shall not hold exercises near the line.", "No Party may hold exercises near the line."),
    ],
)
def test_a_prohibition_by_a_negative_subject_is_not_weakened_by_may(old: str, new: str) -> None:
    # "No X may act" forbids as firmly as "No X shall act" or "X shall not act".
    assert "obligation" not in [r[0] for r in rules_of(old, new)]


def test_a_negative_subject_still_weakens_to_should() -> None:
    rules = rules_of("No armed group shall enter the zone.", "No armed group should enter the zone.")
    assert ("obligation", "Obligation weakened") in [(r[0], r[1]) for r in rules]


def test_no_later_than_is_a_bound_not_a_negative_subject() -> None:
    rules = rules_of(
        "No later than 30 days after signature the Parties shall exchange lists.",
        "No later than 30 days after signature the Parties may exchange lists.",
    )
    assert ("obligation", "Obligation weakened") in [(r[0], r[1]) for r in rules]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The garrison shall leave the valley.", "The garrison shall leave the valley in phases."),
        ("Sanctions shall be lifted on signature.", "Sanctions shall be lifted gradually on signature."),
        ("Відведення підрозділів від кордону.", "Поетапне відведення підрозділів від кордону."),
        ("Отвод подразделений от границы.", "Поэтапный отвод подразделений от границы."),
    ],
)
def test_a_pace_added_is_a_pace_qualifier(old: str, new: str) -> None:
    # A withdrawal or a lifting made gradual can stall part way: a qualifier, not a rewording.
    assert ("qualifier", "Pace qualifier added") in rules_of(old, new)


def test_one_pace_for_another_is_not_a_change() -> None:
    assert rules_of("The fines will be cancelled in stages.", "The fines will be cancelled gradually.") == []


def test_calls_upon_opens_no_condition() -> None:
    """The "upon" of "calls upon" is the modal phrase's, not the conditional "upon …"."""
    old = "Decides that all States shall prevent the supply of arms to the territory."
    new = "Calls upon all States to prevent the supply of arms to the territory."
    assert [r for r in rules_of(old, new) if r[0] == "qualifier"] == []


@pytest.mark.parametrize(
    ("old", "new", "period"),
    [
        (
            "Control of the border shall be restored after the local elections.",
            "Control of the border shall be restored one year after the local elections.",
            "one year",
        ),
        (  # "через" (in, after) before a period: a waiting period, as "після" is a start
            "Восстановление контроля над границей должно начаться после проведения местных выборов.",
            "Восстановление контроля над границей должно начаться через год после проведения местных выборов.",
            "через год",
        ),
    ],
)
def test_a_delay_put_before_a_condition_leaves_the_condition(old: str, new: str, period: str) -> None:
    """The condition stays ("after the local elections"), now the anchor of a period: the
    period is added, the condition is not removed."""
    found = findings(old, new)
    assert [(f.rule, f.headline, f.new) for f in found] == [("deadline", "Period added", period)]


def test_a_refusal_negated_then_granted_is_still_a_negation_change_when_the_verb_stays() -> None:
    """'shall not prevent' → 'shall prevent' flips the meaning: still 'Negation removed'."""
    old = "The Parties shall not prevent the return of civilians."
    assert ("negation", "Negation removed") in rules_of(
        old, "The Parties shall prevent the return of civilians."
    )


# --- review: what "all" covers, commitments and double negatives read where the words stand


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(  # an adverb before the verb: "all" covers the hostages, not the verb
            "Все заложники освобождаются в течение 72 часов.",
            "Все заложники незамедлительно освобождаются в течение 72 часов.",
            id="ru-adverb-before-verb",
        ),
        pytest.param(
            "Every Party undertakes to respect the ceasefire.",
            "Every Party solemnly undertakes to respect the ceasefire.",
            id="en-adverb-before-verb",
        ),
        pytest.param(  # "все ещё" is "still", no "all"
            "Пленные, все еще удерживаемые сторонами, освобождаются.",
            "Пленные, все еще незаконно удерживаемые сторонами, освобождаются.",
            id="ru-все-еще",
        ),
        pytest.param(  # "every" of one sentence, "all" added in another: nothing narrowed or widened
            "After hostages are released, Israel will free 250 prisoners. For every Israeli hostage whose"
            " remains are returned, Israel will release the remains of 15 deceased Gazans.",
            "Once all hostages are delivered, Israel will free 250 prisoners. For each Israeli hostage whose"
            " remains are returned, Israel will deliver the remains of 15 deceased Gazans.",
            id="every-elsewhere",
        ),
    ],
)
def test_what_all_covers_is_read_in_its_own_phrase_and_place(old: str, new: str) -> None:
    found = findings(old, new) + findings(new, old)
    assert [f for f in found if f.headline in ("Scope narrowed", "Scope widened") and f.old and f.new] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The working languages of the Commission shall be English and French.",
            "The working languages of the Commission shall be English, French and Kinyarwanda.",
        ),
        ("Робочою мовою Комісії є англійська.", "Робочими мовами Комісії є англійська та українська."),
        # capitalised (English): "Azerbaijani", "Armenian" are aliases of the parties since 0501c52
        (
            "Done in Moscow in the Russian, Azerbaijani and Armenian languages.",
            "Done in Moscow in the Russian and Armenian languages.",
        ),
        (
            "The working languages of the Commission shall be Ukrainian and English.",
            "The working language of the Commission shall be English.",
        ),
    ],
)
def test_languages_are_no_names_or_parties(old: str, new: str) -> None:
    """'English and French' is two languages, not one name changed; 'українська' beside
    'мовами' is the language, not Ukraine added as a party."""
    assert [r for r in rules_of(old, new) if r[0] == "name"] == []


def test_names_that_differ_by_a_letter_or_two_listed_are_still_changed() -> None:
    """A gazetteer name is told apart by its key, however close the other's spelling."""
    found = rules_of("The troops of Slovenia shall withdraw.", "The troops of Slovakia shall withdraw.")
    assert [rule for rule, _ in found] == ["name"]


def test_a_second_not_in_one_clause_is_a_negation_of_its_own() -> None:
    """'organisations which have not established a ceasefire will not benefit' → 'will
    benefit': the clause's first 'not' stood for both (negative concord, which English
    'not … not' is not), so the benefit granted read as a wording change."""
    old = "Prisoners of organisations which have not established a ceasefire will not benefit from the arrangements."
    new = "Prisoners of organisations which have not established a ceasefire will benefit from the arrangements."
    assert ("negation", "Negation removed") in rules_of(old, new)
    assert ("negation", "Negation added") in rules_of(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Contact Group shall meet in Minsk at least once a month.",
            "The Contact Group shall meet in Geneva at least once a month.",
        ),
        (
            "The next meeting shall be held in Nairobi, Kenya, on a date to be agreed.",
            "The next meeting shall be held in Addis Ababa, Ethiopia, on a date to be agreed.",
        ),
        (
            "Очередное заседание рабочей группы проводится в Женеве.",
            "Очередное заседание рабочей группы проводится в Астане.",
        ),
        # a party's capital (an alias of the party since 0501c52, 62e3fb3: 'Party changed', HIGH)
        (
            "The next round of talks shall be held in Baku.",
            "The next round of talks shall be held in Yerevan.",
        ),
        (
            "The next round of talks shall be held in Ankara.",
            "The next round of talks shall be held in Istanbul.",
        ),
    ],
)
def test_a_meeting_moved_elsewhere_is_a_low_venue_change(old: str, new: str) -> None:
    """Where a body meets is an arrangement (two held-out sets' analysts rate it low): the
    name rule said 'Name changed', medium or high."""
    assert {f.headline: f.significance for f in findings(old, new) if f.rule == "name"} == {
        "Venue changed": 0.25
    }


def test_a_place_that_is_no_venue_is_still_a_name_changed() -> None:
    found = rules_of(
        "The forces shall withdraw from positions in Hollin.",
        "The forces shall withdraw from positions in Dunmar.",
    )
    assert ("name", "Name changed") in found


@pytest.mark.parametrize(
    ("old", "new", "low"),
    [
        (
            "Requests the Secretary-General to report to the Council on this resolution every 90 days.",
            "Requests the Secretary-General to report to the Council on this resolution every 120 days.",
            True,
        ),
        (
            "The Joint Committee shall meet at least once a month, and at any time at the request of either Party.",
            "The Joint Committee shall meet at least once every six weeks, and at any time at the request of either Party.",
            True,
        ),
        (
            "Стороны ежемесячно проводят консультации по вопросам выполнения настоящего Меморандума.",
            "Стороны ежеквартально проводят консультации по вопросам выполнения настоящего Меморандума.",
            False,  # threefold: keeps its weight
        ),
        (
            "The Parties shall report violations of the ceasefire to the Mission within 24 hours.",
            "The Parties shall report violations of the ceasefire to the Mission within 72 hours.",
            False,  # a violation reported: not administrative
        ),
    ],
)
def test_the_cadence_of_an_administrative_act_shifted_a_little_weighs_as_wording(
    old: str, new: str, low: bool
) -> None:
    timed = [f for f in findings(old, new) if f.rule in ("deadline", "qualifier", "scope")]
    assert timed and all(f.significance <= 0.25 for f in timed) == low


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "All displaced persons shall be allowed to return.",
            "All internally displaced persons shall be allowed to return.",
        ),
        (
            "All internally displaced persons may return.",
            "All registered internally displaced persons may return.",
        ),
        ("Усі діти повертаються в Україну.", "Усі депортовані діти повертаються в Україну."),
        ("Всі діти мають бути повернуті.", "Всі депортовані діти мають бути повернуті."),
        ("Все дети возвращаются на Украину.", "Все депортированные дети возвращаются на Украину."),
    ],
)
def test_what_all_covers_ends_at_a_verb_not_at_a_word_that_looks_like_one(old: str, new: str) -> None:
    """'діти' (its lemma ending as an infinitive does) is the noun 'all' covers, and
    'internally' right after 'all' qualifies what follows (no adverb before a verb)."""
    assert ("scope", "Scope narrowed") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(
            "The Parties shall guarantee safe passage for civilians.",
            "The Parties shall ensure safe passage for civilians with the support of the United Nations.",
            id="en-support-elsewhere",
        ),
        pytest.param(
            "Сторони гарантують безпечний прохід цивільних.",
            "Сторони забезпечують безпечний прохід цивільних за підтримки ООН.",
            id="uk-support-elsewhere",
        ),
        pytest.param(
            "Стороны гарантируют безопасный проход гражданских лиц.",
            "Стороны обеспечивают безопасный проход гражданских лиц при поддержке ООН.",
            id="ru-support-elsewhere",
        ),
    ],
)
def test_support_named_elsewhere_is_no_guarantee_weakened(old: str, new: str) -> None:
    """The guarantee became 'ensure' (the wording's); the support of the UN is another thing."""
    assert [r for r in rules_of(old, new) + rules_of(new, old) if r[0] == "commitment"] == []


def test_a_commitment_reworded_in_its_place_is_still_weakened() -> None:
    old = "The Parties guarantee the right of return of displaced persons."
    new = "The Parties give assurances on the right of return of displaced persons."
    assert ("commitment", "Guarantee weakened to an assurance") in rules_of(old, new)


def test_a_refusal_negated_then_another_refusal_is_a_negation_removed() -> None:
    """'shall not restrict' → 'shall limit … and provide escorts': the grant stands elsewhere,
    the limit where the refusal stood; the negation is gone."""
    old = "The Parties shall not restrict the movement of monitors."
    new = "The Parties shall limit the movement of monitors and provide escorts."
    assert ("negation", "Negation removed") in rules_of(old, new)
    assert ("negation", "Negation added") in rules_of(new, old)


def test_every_in_ukrainian_and_russian_covers_as_all_does() -> None:
    """'Кожен військовослужбовець' → 'Кожен поранений військовослужбовець' narrows what
    'every' covers, as 'all' and English 'every' did; 'quality assurance' is no assurance."""
    old, new = (
        "Кожен військовослужбовець підлягає обміну.",
        "Кожен поранений військовослужбовець підлягає обміну.",
    )
    assert ("scope", "Scope narrowed") in rules_of(old, new)
    quality = "The Parties shall provide quality assurance of the demining work."
    assert rules_of(quality, "The Parties shall provide support for the demining work.") == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Within 12 hours 30 minutes of signature, the Parties shall cease fire.",
            "Within 12 hours 45 minutes of signature, the Parties shall cease fire.",
        ),
        (
            "Протягом 10 год. 30 хв. після підписання Сторони припиняють вогонь.",
            "Протягом 11 год. 30 хв. після підписання Сторони припиняють вогонь.",
        ),
    ],
)
def test_a_duration_in_hours_and_minutes_changed_is_no_time_of_day_changed(old: str, new: str) -> None:
    assert not any(headline == "Time of day changed" for _, headline in rules_of(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Ни одна Сторона не размещает войска на территории другого государства.",
            "Ни одна Сторона не размещает войска на территории третьего государства.",
        ),
        (
            "Отвод начинается на другой день после прекращения огня.",
            "Отвод начинается на следующий день после прекращения огня.",
        ),
    ],
)
def test_the_other_in_russian_is_no_number(old: str, new: str) -> None:
    assert [r for r, _ in rules_of(old, new) if r in ("number", "deadline")] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "No heavy weapons shall be deployed in the immediate vicinity of the line of contact.",
            "No heavy weapons shall be deployed in the vicinity of the line of contact.",
        ),
        (
            "Detainees shall be allowed visits by members of their immediate family.",
            "Detainees shall be allowed visits by members of their family.",
        ),
    ],
)
def test_immediate_of_a_place_or_of_kin_is_no_urgency(old: str, new: str) -> None:
    """'Immediate' is urgency as 'immediately' is ('the immediate release'), not in 'the
    immediate vicinity' or 'their immediate family' ('Urgency removed', HIGH, was)."""
    assert [h for r, h in rules_of(old, new) if r == "qualifier"] == []


def test_immediate_steps_are_still_urgent() -> None:
    old, new = (
        "The Parties shall take immediate steps to release all hostages.",
        "The Parties shall take steps to release all hostages.",
    )
    assert ("qualifier", "Urgency removed") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Security Council shall consider the report of the Secretary-General.",
            "The Security Council shall examine the report of the Secretary-General.",
        ),
        (
            "The Commission shall review any alleged violation within ten days.",
            "The Commission shall consider any alleged violation within ten days.",
        ),
    ],
)
def test_shall_consider_a_report_is_a_duty_to_examine_it(old: str, new: str) -> None:
    """'Shall consider launching' weighs what is to be done (discretionary), but 'shall
    consider the report' is 'shall examine the report' ('Obligation strengthened', HIGH, was)."""
    assert [h for r, h in rules_of(old, new) if r == "obligation"] == []
    assert [h for r, h in rules_of(new, old) if r == "obligation"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Стороны приложат максимум усилий для освобождения заложников.",
            "Стороны приложат все усилия для освобождения заложников.",
        ),
        (
            "Сторони докладуть максимум зусиль для звільнення заручників.",
            "Сторони докладуть усіх можливих зусиль для звільнення заручників.",
        ),
        ("The Parties shall exercise maximum restraint.", "The Parties shall exercise utmost restraint."),
    ],
)
def test_a_bound_noun_with_no_number_is_no_bound(old: str, new: str) -> None:
    """'Максимум', 'мінімум' (3ee1e72) and 'maximum' bound a number ('мінімум 50 км'); of
    efforts or restraint they bound nothing ('Maximum removed', HIGH, was)."""
    assert [h for r, h in rules_of(old, new) if h.startswith(("Maximum", "Minimum", "Limit"))] == []


def test_a_bound_noun_before_its_number_is_still_a_bound() -> None:
    old, new = "Відвести важке озброєння на мінімум 50 км.", "Відвести важке озброєння на 50 км."
    assert ("scope", "Minimum removed") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Выборы будут проведены, когда это станет возможно.",
            "Выборы будут проведены, когда для этого будут созданы условия.",
        ),
        (
            "Місцеві вибори буде проведено, коли це стане можливо.",
            "Місцеві вибори буде проведено, коли для цього буде створено умови.",
        ),
    ],
)
def test_what_becomes_possible_is_no_perhaps(old: str, new: str) -> None:
    """'Можливо', 'возможно' are restrictive as 'possibly' is (0501c52: 'і, можливо, буде
    створено'), not where something becomes possible ('Scope widened', HIGH, was)."""
    assert [h for r, h in rules_of(old, new) if r == "scope"] == []


def test_a_body_named_beside_a_name_spelt_out_before_its_acronym_is_added() -> None:
    """Only the words whose capitals are the acronym are its name spelt out: the African Union
    before 'the Joint Military Commission (JMC)' is a body added (it was silent: the capitals
    of the whole stretch, 'AUJMC', end with 'JMC')."""
    old = "The JMC shall monitor the ceasefire."
    new = "The African Union and the Joint Military Commission (JMC) shall monitor the ceasefire."
    assert [(f.headline, f.new) for f in findings(old, new) if f.rule == "name"] == [
        ("Organisation added", "African Union")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Forces shall withdraw from Hodeidah city.", "Forces shall withdraw from Hodeidah governorate."),
        ("Forces shall withdraw from Mokha district.", "Forces shall withdraw from Mokha."),
    ],
)
def test_a_place_word_dropped_or_changed_is_another_place(old: str, new: str) -> None:
    """A place word moved is one place ('place-word-moved' above); one dropped or changed is
    another: the city is not the governorate ('Place changed', HIGH, at 07b333e; silent since
    the place-word rule)."""
    assert "name" in {r for r, _ in rules_of(old, new)}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The exchange shall be completed by the fourteenth day.",
            "The exchange shall be completed by the 14th day.",
        ),
        ("Отвод начинается на пятый день.", "Отвод начинается на 5-й день."),
        ("Другий етап починається на тридцятий день.", "Другий етап починається на 30-й день."),
    ],
)
def test_every_ordinal_a_figure_can_write_reads_as_the_figure(old: str, new: str) -> None:
    """'14th', '5-й', '30-й' read as their numbers (c3f3f88); so must 'fourteenth', Russian
    'пятый' and 'тридцятий', or the figure is a period the word was not ('Period added', HIGH)."""
    assert findings(old, new) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Stage two begins on the thirtieth day.", "Stage two begins on Day 30."),
        ("Hostages shall be released on Day 1.", "Hostages shall be released on the first day."),
        ("Stage two begins on the 30th day.", "Stage two begins on day 30."),
    ],
)
def test_day_n_is_the_nth_day(old: str, new: str) -> None:
    """'Day 30' of a plan's timeline is 'the thirtieth day' ('Period removed', HIGH, and
    'Number added: 30', MEDIUM, were: the ordinal a period, the figure a bare count)."""
    assert findings(old, new) == []
    assert findings(new, old) == []


def test_day_n_moved_is_a_period_changed() -> None:
    assert ("deadline", "Period lengthened by 15 days") in rules_of(
        "Stage two begins on Day 30.", "Stage two begins on Day 45."
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Mission shall be deployed within a year and a half.",
            "The Mission shall be deployed within 18 months.",
        ),
        (
            "Hostages shall be released within a day and a half.",
            "Hostages shall be released within 36 hours.",
        ),
    ],
)
def test_a_unit_and_a_half_is_one_and_a_half_units(old: str, new: str) -> None:
    """'Two and a half years' is 2.5 years (3ee1e72); 'a year and a half' is 1.5 years, not a
    year ('Deadline extended by 6 months', HIGH, was)."""
    assert findings(old, new) == []


def test_one_headcount_in_another_noun_is_no_change() -> None:
    """A personnel number and a count of another noun are one headcount (`_headcount`); the
    same number was 'Number of personnel reduced by 0 (+0%)' (MEDIUM) on the published
    renderings of the 28-point plan ('600 thousand soldiers' → '600,000 units')."""
    old = "The size of the Armed Forces will be limited to 600 thousand soldiers."
    new = "The strength of the Armed Forces will be limited to 600,000 units."
    assert [h for r, h in rules_of(old, new) if r == "number"] == []


def test_a_meeting_moved_from_one_party_to_another_is_still_a_party_changed() -> None:
    """A party named by its name, not its capital, is the party: 'in Ukraine' → 'in Russia'."""
    old, new = (
        "The next round of talks shall be held in Ukraine.",
        "The next round of talks shall be held in Russia.",
    )
    assert ("name", "Party changed") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Комиссия состоит из двух представителей каждой Стороны.",
            "В состав Комиссии входят два представителя каждой Стороны.",
        ),
        (
            "Комісія складається з трьох членів від кожної Сторони.",
            "До складу Комісії входять три члени від кожної Сторони.",
        ),
    ],
)
def test_a_name_at_a_sentence_start_in_another_case_is_still_there(old: str, new: str) -> None:
    """A name the other text holds at a sentence's start is not added (62e3fb3), in whatever
    case it stands: 'Комиссия …' → '… Комиссии …' was 'Organisation added' (HIGH)."""
    assert [r for r in rules_of(old, new) if r[0] == "name"] == []
    assert [r for r in rules_of(new, old) if r[0] == "name"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # 'not exceeding' is a maximum like 'up to': no negation added, no maximum removed.
        (
            "Israel will withdraw its forces south of the Blue Line over a period of up to 60 days.",
            "Over a period not exceeding sixty days, Israel will withdraw its forces south of the Blue Line.",
        ),
        # 'progressively' and 'gradually' are one pace.
        ("Israel will progressively withdraw its forces.", "Israel will gradually withdraw its forces."),
        # A possessive of a word that is never a name makes no name ("Armistice Agreement's").
        (
            "The forces shall be withdrawn within 72 hours after this Armistice Agreement becomes effective.",
            "The forces shall be withdrawn within 72 hours after this Armistice Agreement's entry into force.",
        ),
        # A date with an ordinal ending is the same date ("October 7th 2023" = "7 October 2023").
        (
            "Israel will release 1,700 Gazans who were detained after October 7th 2023.",
            "Israel will release 1,700 Gazans who were detained after 7 October 2023.",
        ),
        ("The ceasefire begins on 21st March 2025.", "The ceasefire begins on March 21, 2025."),
    ],
)
def test_the_same_bound_pace_name_or_date_said_otherwise_is_no_change(old: str, new: str) -> None:
    """Written apart from the rules (benchmarks/risk_heldout5, none cases) and each flagged
    HIGH: 'Negation added', 'Pace qualifier added', 'Name changed', 'Date added'."""
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        # A condition said with 'depending on' (залежно від, в зависимости от) is one.
        (
            "Sanctions shall be lifted depending on the implementation of this Agreement.",
            "Sanctions shall be lifted taking into account the progress of negotiations.",
            "Condition removed",
        ),
        (
            "Санкції знімаються поетапно залежно від виконання цієї угоди.",
            "Санкції знімаються поетапно з урахуванням прогресу переговорів.",
            "Condition removed",
        ),
        (
            "Санкции снимаются поэтапно в зависимости от выполнения этого соглашения.",
            "Санкции снимаются поэтапно с учетом прогресса переговоров.",
            "Condition removed",
        ),
        # A return no longer voluntary.
        (
            "The parties shall ensure the voluntary return of refugees within 18 months.",
            "The parties shall ensure the return of refugees within 18 months.",
            "Scope qualifier removed",
        ),
        (
            "Сторони забезпечують добровільне повернення біженців.",
            "Сторони забезпечують повернення біженців.",
            "Scope qualifier removed",
        ),
    ],
)
def test_a_condition_or_a_voluntary_return_dropped(old: str, new: str, headline: str) -> None:
    """Written apart from the rules (benchmarks/risk_heldout5), each read as wording only."""
    assert headline in [h for _, h in rules_of(old, new)]


def test_a_voluntary_return_said_with_the_adverb_is_no_change() -> None:
    old = "The parties shall ensure the voluntary return of refugees."
    new = "The parties shall ensure that refugees return voluntarily."
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A month and a day of it: not a deadline moved (risk_heldout5: 'Date added', HIGH).
        (
            "Elections shall be held no later than October 2005.",
            "Elections shall be held no later than 31 October 2005.",
            [("deadline", "Date made a day of its month")],
        ),
        (
            "The Constitution shall enter into force by December 2015.",
            "The Constitution shall enter into force by the end of 2015.",
            [("deadline", "Date made a day of its month")],
        ),
        (
            "Проведение реформы с вступлением в силу до конца 2015 года.",
            "Проведение реформы с вступлением в силу до 31 декабря 2015 года.",
            [],
        ),
        # Months moved (was wording only), a year's end moved by a year.
        (
            "Elections to the Constituent Assembly shall be held by mid-June 2007.",
            "Elections to the Constituent Assembly shall be held by December 2007.",
            [("deadline", "Date moved later by 6 months")],
        ),
        (
            "Проведення конституційної реформи до кінця 2015 року.",
            "Проведення конституційної реформи до кінця 2016 року.",
            [("deadline", "Date moved later by 1 year")],
        ),
        (
            "Elections shall be held no later than October 2005.",
            "Elections shall be held no later than 30 November 2005.",
            [("deadline", "Date moved later by 30 days")],
        ),
    ],
)
def test_months_and_year_ends_are_dates(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == expected


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "The Joint Control Commission shall take its decisions by consensus.",
            "The Joint Control Commission shall take its decisions by majority vote.",
            "Consensus replaced by a majority vote",
        ),
        (
            "Спільна комісія ухвалює рішення консенсусом.",
            "Спільна комісія ухвалює рішення більшістю голосів.",
            "Consensus replaced by a majority vote",
        ),
        (
            "Решения Комиссии принимаются большинством голосов.",
            "Решения Комиссии принимаются консенсусом.",
            "Majority vote replaced by consensus",
        ),
        ("The Commission shall decide.", "The Commission shall decide unanimously.", "Consensus required"),
    ],
)
def test_how_a_body_decides(old: str, new: str, headline: str) -> None:
    """risk_heldout5: consensus → majority vote was wording only (low) in both languages."""
    assert [h for r, h in rules_of(old, new) if r == "scope"] == [headline]


def test_one_decision_rule_said_otherwise_is_no_change() -> None:
    assert (
        rules_of("The Commission shall decide by consensus.", "The Commission shall decide unanimously.")
        == []
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Within 72 hours of Israel publicly accepting this agreement, all hostages will be returned.",
            "Within 72 hours of Israeli forces completing their withdrawal to the agreed line, all hostages"
            " will be returned.",
        ),
        (
            "Заручники звільняються протягом 72 годин з моменту підписання угоди.",
            "Заручники звільняються протягом 72 годин з моменту відведення військ.",
        ),
        (
            "Заложники освобождаются в течение 72 часов с момента подписания соглашения.",
            "Заложники освобождаются в течение 72 часов с момента отвода войск.",
        ),
    ],
)
def test_the_event_a_deadline_counts_from_changed(old: str, new: str) -> None:
    """'of …', 'з моменту …', 'с момента …' after a duration is its anchor, as 'after …' is
    (risk_heldout5: the hostages' 72 hours counted from another event was wording only)."""
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == [("qualifier", "Condition changed")]


def test_the_event_a_deadline_counts_from_said_otherwise_is_no_change() -> None:
    old = "The Parties shall withdraw within 30 days of the signing of this Agreement."
    new = "The Parties shall withdraw within 30 days after the signing of this Agreement."
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Recognising that a broad consensus exists on the need for reform, the Parties shall hold elections.",
            "Recognising that there is broad agreement on the need for reform, the Parties shall hold elections.",
        ),
        (
            "The Parties shall seek national consensus on the constitution.",
            "The Parties shall seek national agreement on the constitution.",
        ),
        (
            "Сторони прагнуть національного консенсусу щодо конституції.",
            "Сторони прагнуть національної згоди щодо конституції.",
        ),
    ],
)
def test_a_consensus_that_is_no_decision_rule(old: str, new: str) -> None:
    """A bare 'consensus' is a shared view, no way a body decides: it was 'Consensus no longer
    required' (high, medium) when reworded as 'agreement'."""
    assert [(r, h) for r, h in rules_of(old, new) if r == "scope"] == []


def test_consensus_said_as_its_basis_is_a_decision_rule() -> None:
    old = "The Commission shall take decisions on the basis of consensus."
    new = "The Commission shall take decisions by a simple majority."
    assert [h for r, h in rules_of(old, new) if r == "scope"] == ["Consensus replaced by a majority vote"]


def test_a_currency_code_beside_a_body_is_no_body() -> None:
    """An acronym in a list beside an organisation is a body (fc08c9f), but not a currency
    code: 'the EU, EUR 500 million' → 'the EU, 500 million euros' was 'Organisation removed'."""
    old = "The Fund shall be financed by the EU, EUR 500 million in total."
    new = "The Fund shall be financed by the EU, 500 million euros in total."
    assert [(r, h) for r, h in rules_of(old, new) if r == "name"] == []


def test_a_gap_between_two_events_is_no_anchor() -> None:
    """'within 30 days of each other' says how far apart two acts fall, not what a deadline
    counts from: 'of each other' → 'of one another' was 'Condition changed' (medium)."""
    old = "The two reports shall be submitted within 30 days of each other."
    new = "The two reports shall be submitted within 30 days of one another."
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Усі сторони конфлікту отримують амністію, за винятком осіб, які вчинили воєнні злочини.",
            "Усі сторони конфлікту отримують амністію, крім осіб, що вчинили воєнні злочини.",
        ),
        (
            "All parties receive amnesty, except persons who committed war crimes.",
            "All parties receive amnesty, except persons that committed war crimes.",
        ),
        (
            "Все стороны получают амнистию, за исключением лиц, которые совершили военные преступления.",
            "Все стороны получают амнистию, кроме лиц, что совершили военные преступления.",
        ),
    ],
)
def test_an_exception_with_another_relative_pronoun_is_no_change(old: str, new: str) -> None:
    """risk_heldout5: 'за винятком осіб, які …' → 'крім осіб, що …' was 'Exception changed'."""
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Sanctions shall be suspended ten days after the IFOR Commander reports that forces have withdrawn.",
            "Sanctions shall be lifted ten days after the IFOR Commander reports that forces have withdrawn.",
        ),
        ("Санкції призупиняються через десять днів.", "Санкції скасовуються через десять днів."),
        ("Санкции приостанавливаются через десять дней.", "Санкции отменяются через десять дней."),
    ],
)
def test_suspended_is_temporary(old: str, new: str) -> None:
    """risk_heldout5: sanctions 'suspended' → 'lifted' was wording only."""
    assert ("scope", "No longer temporary") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "A mechanism chaired by the United States and including France and UNIFIL shall monitor these"
            " commitments.",
            "A mechanism chaired by the US and including France shall monitor these commitments.",
            [("name", "Organisation removed")],
        ),
        (
            "A mechanism including France shall monitor these commitments.",
            "A mechanism including France and UNIFIL shall monitor these commitments.",
            [("name", "Organisation added")],
        ),
        # An acronym alone, or defined where it is added, is no body added.
        (
            "A Joint Military Commission shall be established within seven days.",
            "A Joint Military Commission (JMC) shall be established within seven days.",
            [],
        ),
    ],
)
def test_an_acronym_listed_with_bodies_is_a_body(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    """risk_heldout5: UNIFIL dropped from a mechanism's members was wording only (low)."""
    assert [(r, h) for r, h in rules_of(old, new) if r in ("name", "list")] == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A currency named after a party is no party ("US dollars").
        (
            "The Government shall allocate 2 billion US dollars over six years.",
            "The Government shall allocate USD 2,000,000,000 over a period of six years.",
        ),
        # Not allowing is preventing.
        (
            "Сторони домовилися не допускати використання комерційних суден у військових цілях.",
            "Сторони домовилися запобігати використанню комерційних суден у військових цілях.",
        ),
        (
            "Стороны договорились не допускать использования коммерческих судов в военных целях.",
            "Стороны договорились предотвращать использование коммерческих судов в военных целях.",
        ),
        (
            "The Parties shall not allow the use of vessels for military purposes.",
            "The Parties shall prevent the use of vessels for military purposes.",
        ),
        # A short form of a long name: the initials of its last words.
        (
            "Members of the JSS who surrender their arms shall be granted a general amnesty.",
            "Members of the Parbatya Chattagram Jana Samhati Samiti who surrender their arms shall be granted a"
            " general amnesty.",
        ),
        # One pace, one urgency, said otherwise.
        (
            "The decommissioning shall be carried out in a gradual manner.",
            "The decommissioning shall be carried out gradually.",
        ),
        (
            "Забезпечити негайне двостороннє припинення вогню.",
            "Забезпечити невідкладне двостороннє припинення вогню.",
        ),
    ],
)
def test_risk_heldout6_paraphrases_are_no_change(old: str, new: str) -> None:
    """None cases of benchmarks/risk_heldout6, each flagged medium or high at its first run."""
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


def test_urgent_measures_added_alone_are_not_urgency() -> None:
    """'Вжити невідкладних заходів' for 'вжити заходів' (risk_heldout4: low): urgent, not immediate."""
    old = "Вжити заходів щодо поліпшення гуманітарної ситуації."
    new = "Вжити невідкладних заходів щодо поліпшення гуманітарної ситуації."
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


def test_not_allowed_made_allowed_is_still_a_negation_removed() -> None:
    old = "The Parties shall not allow the use of vessels for military purposes."
    new = "The Parties shall allow the use of vessels for military purposes."
    assert ("negation", "Negation removed") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new", "finding"),
    [
        (
            "Прийняти закон про недопущення переслідування осіб.",
            "Розглянути можливість прийняття закону про недопущення переслідування осіб.",
            ("obligation", "Obligation weakened"),
        ),
        (
            "Принять закон о недопущении преследования лиц.",
            "Рассмотреть возможность принятия закона о недопущении преследования лиц.",
            ("obligation", "Obligation weakened"),
        ),
        (
            "Усі незаконно зайняті вулиці мають бути звільнені.",
            "Усі незаконно зайняті вулиці мають бути звільнені в міру можливості.",
            ("scope", "Scope narrowed"),
        ),
    ],
)
def test_consider_the_possibility_and_as_far_as_possible(
    old: str, new: str, finding: tuple[str, str]
) -> None:
    """risk_heldout6: each was wording only."""
    assert finding in rules_of(old, new)


def test_before_made_while_is_a_sequence_changed() -> None:
    """risk_heldout6: militias disarmed 'before' the Movements assemble → 'while' they assemble."""
    old = "The AU shall verify that the militias have been disarmed before the forces of the Movements begin assembly."
    new = "The AU shall verify the disarmament of the militias while the forces of the Movements begin assembly."
    assert ("sequence", "Sequence changed") in rules_of(old, new)


def test_a_suspended_sentence_is_no_measure_made_temporary() -> None:
    """Found by the day's review: 'suspended sentences' → 'conditional sentences' was 'No longer
    temporary' (MEDIUM)."""
    old = "Persons given suspended sentences shall be amnestied."
    new = "Persons given conditional sentences shall be amnestied."
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == []


def test_the_initials_of_a_shorter_name_s_last_words_are_another_body() -> None:
    """Found by the day's review: 'the Ceasefire Joint Military Commission' → 'the JMC' (two
    bodies in Sudan) became silent with the short form of a long name; only a name of five
    capitalised words or more has one."""
    old = "Violations shall be reported to the Ceasefire Joint Military Commission."
    new = "Violations shall be reported to the JMC."
    assert ("name", "Name changed") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "All forces shall disengage within thirty (30) days of the signing of this Agreement.",
            "All forces shall disengage within thirty (30) working days of the signing of this Agreement.",
            [("deadline", "Deadline extended by 12 days")],
        ),
        (
            "Усі сили мають відійти протягом 30 днів.",
            "Усі сили мають відійти протягом 30 робочих днів.",
            [("deadline", "Deadline extended by 12 days")],
        ),
        (
            "All forces shall disengage within 30 working days.",
            "All forces shall disengage within 30 business days.",
            [],
        ),
    ],
)
def test_working_days_are_longer_than_days(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    """risk_heldout6: 30 days → 30 working days was wording only; thirty working days are six weeks."""
    assert [(r, h) for r, h in rules_of(old, new) if r != "wording"] == expected


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "The Government shall contribute a minimum of US$200 million annually in 2007 and 2008.",
            "The Government shall contribute not less than US$200 million in total for 2007 and 2008.",
            "Amount per year made a total",
        ),
        (
            "The donors shall provide $5 million per month.",
            "The donors shall provide $5 million.",
            "Amount per month made a total",
        ),
        (
            "Виділяється 100 мільйонів гривень.",
            "Виділяється 100 мільйонів гривень щороку.",
            "Total made an amount per year",
        ),
        (
            "Выделяется 100 миллионов рублей в год.",
            "Выделяется 100 миллионов рублей в месяц.",
            "Amount per year made an amount per month",
        ),
    ],
)
def test_an_amount_whose_period_changed(old: str, new: str, headline: str) -> None:
    """risk_heldout6: 'a minimum of US$200 million annually in 2007 and 2008' → 'not less than
    US$200 million in total for 2007 and 2008' (the sum halves) was 'Wording changed', low;
    '$200 million per year' → '$200 million in total' was 'Amount reduced by 0%' (the money
    counted in hours of a year)."""
    assert [(f.rule, f.headline) for f in findings(old, new)] == [("number", headline)]


def test_money_per_year_is_money() -> None:
    """'$200 million per year' was counted in hours of a year: against '$250 million annually'
    it read as 'Amount reduced'."""
    assert rules_of("They pay $200 million per year.", "They pay $250 million annually.") == [
        ("number", "Amount increased by 25%")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Срок действия составляет сто двадцать дней.", "Срок действия составляет 120 дней."),
        ("Строк дії становить двісті п'ятдесят п'ять днів.", "Строк дії становить 255 днів."),
        ("протягом двохсот п'ятдесяти днів", "протягом 250 днів"),
    ],
)
def test_cyrillic_hundreds_with_tens_are_one_number(old: str, new: str) -> None:
    """'сто двадцать дней' read as 'сто' and 'двадцать дней' (20 days) before: against '120
    дней' a period shortened and a number removed."""
    assert findings(old, new) == []


def test_a_cyrillic_hundred_moved_is_a_period_changed() -> None:
    assert rules_of("Срок составляет сто двадцать дней.", "Срок составляет сто восемьдесят дней.") == [
        ("deadline", "Period lengthened by 60 days")
    ]


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "Each side shall repatriate all those prisoners of war in its custody who insist on repatriation to the side to which they belonged.",
            "Each side shall repatriate all prisoners of war in its custody to the side to which they belonged.",
            "Scope widened",
        ),
        (
            "Сторони звільняють усіх полонених, які перебувають під їхньою вартою.",
            "Сторони звільняють усіх полонених.",
            "Scope widened",
        ),
        (
            "Стороны освобождают всех пленных.",
            "Стороны освобождают всех пленных, которые содержатся в лагерях.",
            "Scope narrowed",
        ),
    ],
)
def test_a_relative_clause_restricts_what_all_covers(old: str, new: str, headline: str) -> None:
    """risk_heldout5: 'all those prisoners of war in its custody who insist on repatriation' →
    'all prisoners of war in its custody' (repatriation made compulsory) was 'Words removed',
    low: what 'all' covers stopped at 'in'. A relative clause reached over prepositional
    phrases (not over a verb) is part of it."""
    assert [(f.rule, f.headline) for f in findings(old, new) if f.rule == "scope"] == [("scope", headline)]


def test_a_relative_clause_after_a_verb_restricts_nothing_all_covers() -> None:
    assert [
        f
        for f in findings(
            "All forces shall leave the zone which was agreed.", "All forces shall leave the zone."
        )
        if f.rule == "scope"
    ] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Agreement Monitoring Committee shall submit a report to the Parties every three months.",
            "The Agreement Monitoring Committee shall submit a report to the Parties every three months and shall publish it.",
        ),
        (
            "The Ceasefire Commission shall be chaired by UNAMID.",
            "The Ceasefire Commission shall be chaired by UNAMID, which shall also provide its secretariat.",
        ),
        (
            "The Executive Monitoring Committee shall meet every month in Bangui.",
            "The Executive Monitoring Committee shall meet every month in Bangui and shall keep minutes of its meetings.",
        ),
        (
            "The representatives shall lend their good offices to the parties.",
            "The representatives shall lend their good offices to the parties and shall be provided with the necessary office facilities.",
        ),
        (
            "The Permanent Court of Arbitration shall serve as registry for the Commission.",
            "The Permanent Court of Arbitration shall serve as registry for the Commission and shall provide it with administrative support.",
        ),
        (
            "The Ceasefire Joint Military Committee shall be based in Juba.",
            "The Ceasefire Joint Military Committee shall have its headquarters in Juba and may meet elsewhere when necessary.",
        ),
    ],
)
def test_a_clerical_obligation_added_weighs_as_wording(old: str, new: str) -> None:
    """risk_heldout6: publishing a report, keeping minutes, providing a secretariat or office
    facilities, added, were 'Obligation added', HIGH or MEDIUM; analysts rate them low
    (risk_heldout5: administrative support, meeting elsewhere when necessary)."""
    [added] = [f for f in findings(old, new) if f.rule == "obligation"]
    assert added.significance <= TAXONOMY.significance.wording


def test_a_meeting_made_optional_keeps_its_weight() -> None:
    """--corpus real: 'The Joint Commission shall meet' → 'may meet' is the commission's
    meetings made optional (medium), not a permission to meet elsewhere."""
    [weakened] = [
        f
        for f in findings(
            "The Joint Commission shall meet at least once a month.",
            "The Joint Commission may meet at least once a month.",
        )
        if f.rule == "obligation"
    ]
    assert weakened.significance > TAXONOMY.significance.wording


def test_a_substantive_obligation_added_keeps_its_weight() -> None:
    old = "The Committee shall meet every month."
    new = "The Committee shall meet every month and shall verify the withdrawal of heavy weapons."
    [added] = [f for f in findings(old, new) if f.rule == "obligation"]
    assert added.significance > TAXONOMY.significance.wording
    hostages = findings(
        "The Parties shall release all hostages.",
        "The Parties shall release all hostages and shall publish the lists.",
    )
    assert all(f.significance > TAXONOMY.significance.wording for f in hostages if f.rule == "obligation")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The parties request the Security Council to establish a Transitional Administration, which shall govern the Region.",
            "The parties request the Security Council to establish, as soon as possible, a Transitional Administration, which shall govern the Region.",
        ),
        (
            "The parties invite the international community to facilitate, monitor and assist in the implementation of the Agreement.",
            "The parties invite the international community to facilitate, monitor and assist, as appropriate, in the implementation of the Agreement.",
        ),
    ],
)
def test_a_qualifier_of_what_a_request_asks_weighs_as_wording(old: str, new: str) -> None:
    """risk_heldout6: 'as soon as possible' and 'as appropriate' added to what the parties ask
    of the Security Council or the international community were HIGH; no party is bound."""
    found = [f for f in findings(old, new) if f.rule in ("qualifier", "scope")]
    assert found and all(f.significance <= TAXONOMY.significance.wording for f in found)


def test_a_qualifier_of_what_a_party_undertakes_after_a_request_keeps_its_weight() -> None:
    old = "The parties request the Council to meet and undertake to withdraw all forces."
    new = "The parties request the Council to meet and undertake to withdraw all forces where possible."
    found = [f for f in findings(old, new) if f.rule in ("qualifier", "scope")]
    assert found and all(f.significance > TAXONOMY.significance.wording for f in found)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Joint Integrated Units shall consist of 24,000 troops in Southern Sudan, 6,000 in the Nuba Mountains, 6,000 in Southern Blue Nile and 3,000 in Khartoum.",
            "The Joint Integrated Units shall consist of 3,000 troops in Khartoum, 6,000 in Southern Blue Nile, 6,000 in the Nuba Mountains and 24,000 in Southern Sudan.",
        ),
        (
            "Israel will release 250 life-sentence prisoners.",
            "Israel will release 250 prisoners serving life sentences.",
        ),
    ],
)
def test_numbers_whose_noun_is_left_out_or_after_a_compound(old: str, new: str) -> None:
    """risk_heldout5: a list of troop numbers reordered ('24,000 troops in …, 6,000 in …')
    read as 24,000 troops cut to 3,000 (the later numbers were counts of 'in'); '250
    life-sentence prisoners' → '250 prisoners serving life sentences' as a number removed and
    one added (a count of 'life')."""
    assert [f for f in findings(old, new) if f.rule in ("number", "deadline")] == []


def test_a_number_whose_noun_is_left_out_is_counted_in_that_noun() -> None:
    assert rules_of(
        "There shall be 24,000 troops in the South and 6,000 in the East.",
        "There shall be 24,000 troops in the South and 9,000 in the East.",
    ) == [("number", "Number of personnel increased by 3,000 (+50%)")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Сторони докладають зусиль для встановлення долі зниклих безвісти.",
            "Сторони докладають усіх можливих зусиль для встановлення долі зниклих безвісти.",
        ),
        (
            "Стороны прилагают усилия для освобождения заложников.",
            "Стороны прилагают все возможные усилия для освобождения заложников.",
        ),
        (
            "The Parties shall make efforts to trace missing persons.",
            "The Parties shall make every effort to trace missing persons.",
        ),
    ],
)
def test_all_efforts_is_how_hard_not_how_much(old: str, new: str) -> None:
    """risk_heldout5: 'зусиль' → 'усіх можливих зусиль', 'усилия' → 'все возможные усилия' were
    'Scope widened', MEDIUM: a best effort made a greater one covers nothing more."""
    assert [f for f in findings(old, new) if f.rule == "scope"] == []


@pytest.mark.parametrize(
    "new",
    [
        "Gaza will become a deradicalized, terror-free zone that poses no threat to its neighbors.",
        "Gaza will become a deradicalized, terror-free zone that does not represent a threat to its neighbors.",
    ],
)
def test_a_relative_clause_saying_what_something_is_negates_nothing(new: str) -> None:
    """../shared/realtexts (p5, the Gaza plan): a summary's 'Gaza to become a de-radicalised,
    terror-free zone' against the published 'that poses no threat to its neighbors' was
    'Negation added', HIGH — a description of the zone, not a party's act forbidden."""
    old = "Gaza will become a deradicalized, terror-free zone."
    assert [f for f in findings(old, new) if f.rule == "negation"] == []


def test_a_relative_clause_with_a_modal_still_negates() -> None:
    found = findings(
        "Forces that remain in the zone shall be withdrawn.",
        "Forces that shall not remain in the zone shall be withdrawn.",
    )
    assert [f.rule for f in found if f.rule == "negation"] == ["negation"]


def test_a_state_recognised_as_sovereign_restates_its_sovereignty() -> None:
    """../shared/realtexts (p3, the 28-point plan against the 20-point one): 'Ukraine's
    sovereignty will be confirmed' → '… reaffirmed. Ukraine is recognized as a sovereign state'
    was 'Recognition wording added', HIGH; another state recognised so still is."""
    old = "Ukraine’s sovereignty will be confirmed."
    same = "Ukraine’s sovereignty will be reaffirmed. Ukraine is recognized as a sovereign state."
    other = "Ukraine’s sovereignty will be confirmed. Crimea is recognized as a sovereign state."
    assert [f for f in findings(old, same) if f.rule == "recognition"] == []
    assert [f.headline for f in findings(old, other) if f.rule == "recognition"] == [
        "Recognition wording added"
    ]


@pytest.mark.parametrize(
    ("new", "said"),
    [
        ("Ukraine is a sovereign state, and all signatories confirm this with their signatures.", False),
        ("Ukraine is a sovereign state, and all Parties shall respect this.", True),
    ],
)
def test_all_before_the_actors_of_a_declaration_is_no_scope(new: str, said: bool) -> None:
    """../shared/realtexts (p3): 'all signatories confirm this' added was 'Scope widened', HIGH:
    each actor declares it, no commitment reaches further. 'All Parties shall …' still is a
    scope word (treating every 'all' before the actors so cost three found cases elsewhere)."""
    old = "Ukraine is a sovereign state."
    assert bool([f for f in findings(old, new) if f.rule == "scope"]) == said


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Parties shall not recruit or use any person under the age of eighteen years in their forces.",
            "The Parties shall refrain from recruiting or using children under fifteen years of age in their forces.",
        ),
        (
            "Не допускається вербування осіб віком до 18 років.",
            "Не допускається вербування осіб віком до 15 років.",
        ),
        ("Запрещается вербовка лиц моложе 18 лет.", "Запрещается вербовка лиц моложе 15 лет."),
    ],
)
def test_an_age_is_a_threshold_not_a_period(old: str, new: str) -> None:
    """risk_heldout6: 'under the age of eighteen years' → 'under fifteen years of age' was
    'Period shortened by 3 years', MEDIUM: an age says who a protection covers."""
    assert rules_of(old, new) == [("number", "Age threshold lowered by 3 years")]


def test_years_of_a_period_stay_a_period() -> None:
    assert rules_of("The transition shall last 18 years.", "The transition shall last 15 years.") == [
        ("deadline", "Period shortened by 3 years")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The union shall have two equal member republics.",
            "The union shall have two member republics of equal status.",
        ),
        (
            "The union shall have two member republics of equal status.",
            "The union shall have two equal member republics.",
        ),
        (
            "Союз складається з двох рівноправних республік.",
            "Союз складається з двох республік рівного статусу.",
        ),
        ("Союз состоит из двух равноправных республик.", "Союз состоит из двух республик равного статуса."),
    ],
)
def test_an_equality_restated_as_a_status_is_no_recognition(old: str, new: str) -> None:
    assert not [f for f in findings(old, new) if f.rule == "recognition"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The union shall have two member republics.",
            "The union shall have two member republics of equal status.",
        ),
        (
            "The district shall have its own budget.",
            "The district shall have its own budget and special status.",
        ),
    ],
)
def test_a_status_new_to_the_text_is_recognition_wording(old: str, new: str) -> None:
    assert ("recognition", "Recognition wording added") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "Each Member State shall have one vote in the Council of Ministers.",
            "Votes in the Council of Ministers shall be weighted according to population.",
            "Equal votes replaced by weighted voting",
        ),
        (
            "У Раді кожна держава-учасниця має один голос.",
            "У Раді застосовується зважене голосування з урахуванням чисельності населення.",
            "Equal votes replaced by weighted voting",
        ),
        (
            "В Совете применяется взвешенное голосование.",
            "В Совете каждое государство имеет один голос.",
            "Weighted voting replaced by equal votes",
        ),
    ],
)
def test_how_much_each_vote_weighs(old: str, new: str, headline: str) -> None:
    """risk_heldout8 (consumed) showed the kind: one vote each → votes weighted by population
    was wording only (low), though it changes who carries a decision."""
    assert [h for r, h in rules_of(old, new) if r == "scope"] == [headline]


def test_one_vote_kept_and_a_share_in_proportion_say_nothing_of_voting() -> None:
    old = "Each Party shall have one vote. Funds shall be allocated in proportion to population."
    new = "Each Party shall have one vote. Funds shall be shared in proportion to the population."
    assert [h for r, h in rules_of(old, new) if r == "scope"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Until the establishment of international mechanisms, the forces shall take additional measures.",
            "The forces shall take additional measures.",
        ),
        (
            "До створення міжнародних механізмів миротворчі сили вживають додаткових заходів.",
            "Миротворчі сили вживають додаткових заходів.",
        ),
        (
            "До создания международных механизмов миротворческие силы принимают дополнительные меры.",
            "Миротворческие силы принимают дополнительные меры.",
        ),
        (
            "До вступления в силу соглашения стороны воздерживаются от действий.",
            "Стороны воздерживаются от действий.",
        ),
    ],
)
def test_until_a_body_exists_is_a_time_qualifier(old: str, new: str) -> None:
    """'до створення …', 'до создания …' say until when, as 'until the establishment of …'."""
    assert [r for r, _ in rules_of(old, new)] == ["qualifier"]


def test_up_to_a_number_is_no_time_qualifier() -> None:
    assert "qualifier" not in [
        r for r, _ in rules_of("Стороны отводят войска до 5 км.", "Стороны отводят войска до 10 км.")
    ]


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "The amnesty shall cover offences, excluding economic crimes and crimes against humanity and war crimes.",
            "The amnesty shall cover offences, excluding economic crimes.",
            "Exception narrowed",
        ),
        (
            "Амністія поширюється на злочини, за винятком економічних злочинів і воєнних злочинів.",
            "Амністія поширюється на злочини, за винятком економічних злочинів.",
            "Exception narrowed",
        ),
        (
            "Амнистия распространяется на преступления, за исключением экономических преступлений и военных преступлений.",
            "Амнистия распространяется на преступления, за исключением экономических преступлений.",
            "Exception narrowed",
        ),
        (
            "The amnesty shall cover offences, excluding economic crimes.",
            "The amnesty shall cover offences, excluding economic crimes and war crimes.",
            "Exception widened",
        ),
    ],
)
def test_an_item_dropped_from_an_exception_is_its_exception_removed(
    old: str, new: str, headline: str
) -> None:
    """What an exception no longer lists is now covered: weighed as an exception removed for it
    (added, for an item added), not as the exception reworded."""
    found = [f for f in findings(old, new) if f.rule == "exception"]
    assert [f.headline for f in found] == [headline]
    assert found[0].significance == TAXONOMY.significance.exception_removed


def test_an_exception_reworded_keeps_the_weight_of_a_change() -> None:
    old = "The amnesty shall cover offences, excluding economic crimes."
    found = [
        f
        for f in findings(old, "The amnesty shall cover offences, excluding financial crimes.")
        if f.rule == "exception"
    ]
    assert [f.significance for f in found] == [TAXONOMY.significance.exception_changed]


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "Each region shall have an assembly elected by direct universal suffrage.",
            "Each region shall have an assembly designated by the Government.",
            "Election replaced by appointment",
        ),
        (
            "The governor shall be elected by the people.",
            "The governor shall be appointed by the President.",
            "Election replaced by appointment",
        ),
        (
            "Голова ради обирається жителями області.",
            "Голова ради призначається Президентом.",
            "Election replaced by appointment",
        ),
        (
            "Глава совета избирается жителями области.",
            "Глава совета назначается Президентом.",
            "Election replaced by appointment",
        ),
        (
            "Глава совета назначается Президентом.",
            "Глава совета избирается жителями области.",
            "Appointment replaced by election",
        ),
    ],
)
def test_an_elected_holder_made_appointed(old: str, new: str, headline: str) -> None:
    """Who chooses the holder changes: the people's vote for someone's appointment."""
    assert ("scope", headline) in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The governor shall be elected by the people.", "The governor shall be chosen by the people."),
        (
            "The governor, elected by the people, shall chair the council.",
            "The governor shall chair the council.",
        ),
        ("The Chairman shall be appointed by the OAU.", "The Chairman shall be appointed by the Parties."),
        ("Голова ради обирається жителями області.", "Голова ради обирається депутатами."),
    ],
)
def test_how_a_holder_is_chosen_said_alone_is_no_scope(old: str, new: str) -> None:
    assert "scope" not in [r for r, _ in rules_of(old, new)]


def test_the_once_of_once_a_month_opens_no_condition() -> None:
    """ "once a month" is how often, not "once [something happens]": a frequency changed to
    "twice a month" is no condition removed (the demo's Kessel counter-proposal said so)."""
    found = rules_of(
        "The Joint Commission shall meet once a month.", "The Joint Commission shall meet twice a month."
    )
    assert [r for r, _ in found if r == "qualifier"] == []
    assert ("deadline", "Frequency raised") in [(r, h.split(":")[0]) for r, h in found]


def test_a_military_unit_is_no_part_of_anything() -> None:
    """'воинские части' (military units) for 'военные подразделения' read 'Scope qualifier
    added: части', HIGH (risk_heldout10); a part of the forces withdrawn still qualifies."""
    quiet = [
        (
            "Все военные подразделения на линиях фронта возвращаются в свои лагеря.",
            "Все воинские части на линиях фронта возвращаются в свои лагеря.",
        ),
        (
            "Усі військові підрозділи на лініях фронту повертаються до своїх таборів.",
            "Усі військові частини на лініях фронту повертаються до своїх таборів.",
        ),
    ]
    for old, new in quiet:
        assert [r for r in rules_of(old, new) if r[0] == "qualifier"] == []
    assert ("qualifier", "Scope qualifier added") in rules_of(
        "Стороны отводят свои силы с линии фронта.", "Стороны отводят часть своих сил с линии фронта."
    )


def test_but_not_later_than_is_a_deadline_not_an_exception() -> None:
    """'as soon as possible, but not later than the beginning of the third year' read as an
    exception changed beside the deadline (risk_heldout10); 'but not small arms' still excepts."""
    found = rules_of(
        "Negotiations will commence as soon as possible, but not later than the beginning of the third year.",
        "Negotiations will commence as soon as possible, but not later than the end of the fourth year.",
    )
    assert [r for r in found if r[0] == "exception"] == []
    assert ("exception", "Exception added") in rules_of(
        "The Parties shall hand over all weapons.",
        "The Parties shall hand over all weapons, but not small arms.",
    )


def test_a_security_force_named_is_a_body() -> None:
    """'The National Guard and the Treasury Police shall be abolished' → 'The Treasury Police
    …' said only 'Words removed', LOW (risk_heldout10): a guard, a police, an army, a
    gendarmerie or a militia named with capitals is a body, as a commission is."""
    assert ("name", "Organisation removed") in rules_of(
        "The National Guard and the Treasury Police shall be abolished as public security forces.",
        "The Treasury Police shall be abolished as a public security force.",
    )
    assert ("name", "Organisation added") in rules_of(
        "Order in the zone shall be kept by the Joint Commission.",
        "Order in the zone shall be kept by the Joint Commission and the Federal Police.",
    )


@pytest.mark.parametrize(
    ("old", "new", "headline"),
    [
        (
            "Amnesty shall be granted to all, except those convicted of serious crimes.",
            "Amnesty shall be granted to all, except those suspected of serious crimes.",
            "Exception widened",
        ),
        (
            "Амністія надається всім, крім осіб, засуджених за тяжкі злочини.",
            "Амністія надається всім, крім осіб, підозрюваних у тяжких злочинах.",
            "Exception widened",
        ),
        (
            "Всем будет предоставлена амнистия, за исключением тех, кто признан виновным в совершении тяжких преступлений.",
            "Всем будет предоставлена амнистия, за исключением тех, кто подозревается в совершении тяжких преступлений.",
            "Exception widened",
        ),
        (
            "Amnesty shall be granted to all, except those accused of war crimes.",
            "Amnesty shall be granted to all, except those convicted of war crimes.",
            "Exception narrowed",
        ),
    ],
)
def test_an_exception_reaching_the_suspected_instead_of_the_convicted_is_widened(
    old: str, new: str, headline: str
) -> None:
    """'за исключением тех, кто признан виновным …' → '… кто подозревается …' was 'Exception
    changed', MEDIUM (risk_heldout6): a weaker standard of proof excepts more people."""
    assert ("exception", headline) in rules_of(old, new)


def test_an_ambassador_is_no_after() -> None:
    """'Посол Російської Федерації в Україні' read as 'Condition removed' (risk_heldout10): the
    Ukrainian dictionary gives the Russian 'после' (after) the lemma 'посол' (ambassador).
    'після підписання', 'после подписания' still open a condition."""
    found = rules_of(
        "Учасники групи: посол Гайді Тальявіні, Посол Російської Федерації в Україні М. Ю. Зурабов.",
        "Учасники групи: посол Гайді Тальявіні, Михайло Зурабов.",
    )
    assert [r for r in found if r[0] == "qualifier"] == []
    assert ("qualifier", "Condition removed") in rules_of(
        "Сторони обмінюються полоненими після підписання.", "Сторони обмінюються полоненими."
    )
