"""The catalogue of finding codes, and the one factory every finding is made through.

Each code has a severity and an addressee: `state` when the evidence is the state's own reporting (a
report recorded as not submitted or as omitting use, type, lots or quantity, figures of its own that do
not add up, holdings unchanged for years), `editor` when the evidence is only a gap or a fault in our
records. A few codes cover both cases; for those the check decides per finding from the evidence, and
`addressee_rule` says how. Letters and documents use state-addressed findings only; `ccm todo` lists
the editor's. The docs (docs/checks.md) are generated from this catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ccm_stockpile.findings import Addressee, Finding, Severity

Scope = Literal["file", "state", "dataset", "practices"]

_RECORD_FORMAT = "Record format (docs/record-format.md)"
_PRACTICES = "Work plan 2024-2025, objective (b): a database of good, cost-effective destruction practice"


@dataclass(frozen=True)
class Code:
    """One finding code: what it means, who it addresses, the article behind it and how to fix it."""

    code: str
    severity: Severity
    addressee: Addressee | None  # None: decided per finding from the evidence (see `addressee_rule`)
    title: str
    basis: str
    rationale: str
    fix: str
    example: str = ""
    scope: Scope = "state"
    addressee_rule: str = ""


_CATALOGUE = (
    Code(
        "E001",
        Severity.ERROR,
        Addressee.EDITOR,
        title="The file is not valid YAML",
        basis=_RECORD_FORMAT,
        rationale="A file that cannot be read cannot be checked; every other file is still checked.",
        fix="Fix the syntax at the line given: indent with spaces, close quotes and brackets, save as UTF-8. "
        "Tags (`!!python/...`), anchors and aliases are refused.",
        example='name: "Spain\n',
        scope="file",
    ),
    Code(
        "E002",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A value does not fit the record format",
        basis=_RECORD_FORMAT,
        rationale="Wrong types, unknown keys, missing keys and negative or fractional counts would make every "
        "later check wrong, so they are refused at their line.",
        fix="Follow the message: correct the value, the key's spelling (a `did you mean` is given), or add the "
        "missing key (null where not known). Quantities are whole numbers >= 0 or null.",
        example="retention:\n  - year: 2016\n    report: reported\n    held: {munitions: 2.5, submunitions: -3}\n",
        scope="file",
    ),
    Code(
        "E003",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A key is given twice in one mapping",
        basis=_RECORD_FORMAT,
        rationale="YAML readers silently keep one of the two values; the tool refuses to guess.",
        fix="Keep one of the two keys and delete the other.",
        example="iso3: ESP\nname: Spain\nname: Kingdom of Spain\n",
        scope="file",
    ),
    Code(
        "E004",
        Severity.ERROR,
        Addressee.EDITOR,
        title="Identity: file name, iso3 code or duplicate state",
        basis=_RECORD_FORMAT,
        rationale="Each state has exactly one file, named after its ISO 3166-1 alpha-3 code, so follow-up and "
        "letters never mix two states. (A practice's id and file name are P005.)",
        fix="Rename the file to `<iso3 in lower case>.yaml`, correct `iso3`, or merge the two files.",
        example="# in data/states/esp.yaml\niso3: PRT\n",
        scope="file",
    ),
    Code(
        "E005",
        Severity.ERROR,
        Addressee.EDITOR,
        title="Retention entries repeated or out of order",
        basis="Art. 3(8): one report per year",
        rationale="Each calendar year has one retention entry, in ascending order, so a year's figures are never "
        "ambiguous. The checks use the first entry of a repeated year.",
        fix="Merge the two entries of the year, or move the entry to its place in ascending year order.",
        example="retention:\n  - {year: 2016, report: reported}\n  - {year: 2015, report: reported}\n",
    ),
    Code(
        "E006",
        Severity.ERROR,
        Addressee.EDITOR,
        title="`by_type` rows do not add up to `held`",
        basis="Art. 3(8): type, quantity and lot numbers",
        rationale="The breakdown by type and the total must describe the same holdings.",
        fix="Correct the row or the total so that the rows add up to `held`; leave a figure null if it is not known.",
        example="held: {munitions: 10, submunitions: 500}\nby_type:\n  - {type: M42, munitions: 4, submunitions: 300}\n"
        "  - {type: M46, munitions: 4, submunitions: 200}\n",
    ),
    Code(
        "E007",
        Severity.ERROR,
        Addressee.EDITOR,
        title="Dates contradict each other",
        basis="Art. 17, Art. 20, Art. 7(1)(g), Art. 3(8)",
        rationale="Partial dates are ranges, so only sure contradictions are reported. Completion of destruction "
        "before entry into force is not one: several states destroyed stocks before they were bound.",
        fix="Check both dates against their sources and correct the wrong one.",
        example="signed: 2010-05-01\nconsent: {date: 2009-12-22, type: ratification}\n",
    ),
    Code(
        "E008",
        Severity.ERROR,
        Addressee.EDITOR,
        title="`status` disagrees with the treaty dates",
        basis="Art. 17, Art. 20",
        rationale="Party time is computed from the dates (consent, entry into force, withdrawal); a status that "
        "says otherwise means one of them was not updated.",
        fix="Make `status` and the dates agree: `withdrawn` needs a `withdrawal` block, a withdrawal that has "
        "taken effect needs `status: withdrawn`, and a state that deposited its consent is not a `signatory`.",
        example="status: withdrawn\nwithdrawal: null\n",
    ),
    Code(
        "E009",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A figure is not given by any quote of its sources",
        basis=_RECORD_FORMAT + ": every figure carries its URL and a quote that contains it",
        rationale="A figure is only as good as the words it was copied from: when the block's sources quote the "
        "source and no quote gives the figure (in digits, grouped by thousands, a word for 1-20, or 'N million' "
        "for a figure marked approximate), the figure or the quote was copied wrong. The same rule as the "
        "shipped-data tests, so an editor's pull request is judged by what `make test` judges.",
        fix="Check the figure against the source: correct the figure, or add the quote that gives it (verbatim). "
        "A rounded figure is marked `approximate`.",
        example="retention:\n  - year: 2016\n    report: reported\n    held: {munitions: 10, submunitions: 500}\n"
        '    sources:\n      - {url: "https://example.org", quote: "10 munitions and 400 submunitions"}\n',
    ),
    Code(
        "R101",
        Severity.ERROR,
        Addressee.STATE,
        title="The state's figures cannot balance",
        basis="Art. 3(8); Lausanne Action Plan Action 17",
        rationale="Holdings at the end of a year equal the previous year's, less what was consumed, destroyed and "
        "transferred out, plus what was acquired and transferred in. When the reported terms already "
        "prove that no unreported movement could close the gap (an unreported outflow can only lower "
        "holdings, an unreported inflow only raise them), or a report says `unchanged` but gives "
        "different holdings or a consumption, the state's own reports contradict each other "
        "(monitors' warning sign: inconsistent reports). Figures marked approximate are never used in "
        "the balance.",
        fix="Check both years' figures against the Article 7 reports; correct a figure that was copied wrong, or "
        "ask the state to reconcile its reports.",
        example="retention:\n  - {year: 2015, report: reported, held: {munitions: 10, submunitions: 500}, sources: [...]}\n"
        "  - year: 2016\n    report: reported\n    held: {munitions: 10, submunitions: 400}\n"
        "    consumed: {munitions: 0, submunitions: 50}\n    destroyed: {munitions: 0, submunitions: 0}\n"
        "    transfers: []\n    sources: [...]\n",
    ),
    Code(
        "R102",
        Severity.WARNING,
        None,
        title="Holdings are lower than the reported movements account for",
        basis="Art. 3(8): planned and actual use; Action 17",
        rationale="A fall in holdings is explained by consumption in training or research, destruction of excess or "
        "a transfer out. Movements not known are treated as not known, never as zero and never as needed: "
        "the finding says how much of the change the known movements leave unaccounted for, and none is "
        "made when they account for all of it. Figures marked approximate are never used.",
        fix="Record `consumed`, `destroyed` and `transfers` for the year from the Article 7 report; when the report "
        "itself does not give them, record `omitted: [movements]` with its source, and ask the state.",
        example="retention:\n  - {year: 2015, report: reported, held: {munitions: 315, submunitions: 7335}, sources: [...]}\n"
        "  - {year: 2016, report: reported, held: {munitions: 292, submunitions: 6605}, sources: [...]}\n",
        addressee_rule="state when the entry records that the report left the movements out (`omitted: [movements]`); "
        "otherwise editor (the movements are to be looked up)",
    ),
    Code(
        "R103",
        Severity.WARNING,
        None,
        title="Holdings are higher than the reported movements account for",
        basis="Art. 3(6)-(8): retention or acquisition of a limited number; Action 17",
        rationale="An increase is only possible through acquisition or a transfer in, which Art. 3(8) requires to be "
        "reported; an unexplained increase is the first thing a review asks about. Also reported: one "
        "type quietly replacing another while the totals stay the same.",
        fix="Record the acquisition or transfer in from the Article 7 report, or check whether one of the two "
        "figures was copied wrong; when the report does not give it, record `omitted: [movements]`.",
        example="retention:\n  - {year: 2017, report: reported, held: {munitions: 0, submunitions: 0}, sources: [...]}\n"
        "  - {year: 2018, report: reported, held: {munitions: 8, submunitions: 400}, sources: [...]}\n",
        addressee_rule="state when the entry records that the report left the movements out (`omitted: [movements]`); "
        "otherwise editor",
    ),
    Code(
        "R104",
        Severity.WARNING,
        Addressee.STATE,
        title="The same holdings for several years with no consumption",
        basis="Lausanne Action Plan Action 17: annual review of what is absolutely necessary; Art. 3(6)",
        rationale="Identical figures year after year suggest the munitions are not used for their permitted purpose; "
        "Action 17 asks whether the amount is still the minimum absolutely necessary.",
        fix="Ask the state how the retained munitions are used and whether the amount is still necessary; record "
        "consumption where the report gives it.",
        example="retention:\n  - {year: 2016, report: reported, held: {munitions: 6, submunitions: 906}, sources: [...]}\n"
        "  - {year: 2017, report: unchanged}\n  - {year: 2018, report: unchanged}\n",
    ),
    Code(
        "R105",
        Severity.WARNING,
        None,
        title="No planned or actual use reported",
        basis="Art. 3(8): a detailed report on the planned and actual use; work plan 2024-2025, strategy (a)",
        rationale="A state that holds retained munitions during a year must report what it planned to use them for "
        "and what it actually used them for. A state holds during a year when its holdings at the end of "
        "that year or of the year before are given and not zero (`held` with both parts null counts: the "
        "state is said to retain an unknown quantity); an entry that leaves `held` out records only that "
        "the report exists and says nothing about holdings.",
        fix="Record `planned_use` and `actual_use` from the report; when a source says the report did not give them, "
        "record `omitted: [planned_use, actual_use]` with that source, and ask the state.",
        example="retention:\n  - {year: 2016, report: reported, held: {munitions: 2, submunitions: 276}, sources: [...]}\n",
        addressee_rule="state for what the entry records as omitted by the report (`omitted: [planned_use]`, "
        "`[actual_use]`); editor for use we simply have not recorded",
    ),
    Code(
        "R106",
        Severity.WARNING,
        None,
        title="A year's report is missing",
        basis="Art. 3(8) and Art. 7(2): a report each year by 30 April",
        rationale="Each year at whose end a state is a party and retains is covered by a report due on 30 April of "
        "the next year (a year is due only when both days fall in party time and the due date has passed).",
        fix="Add the year's entry from the Article 7 report, or `report: not_submitted` (with its source) where a "
        "source says the report was not provided.",
        example="retention:\n  - {year: 2015, report: reported, held: {munitions: 9, submunitions: 4089}, sources: [...]}\n"
        "  - {year: 2017, report: reported, held: {munitions: 9, submunitions: 4089}, sources: [...]}\n",
        addressee_rule="state for an entry recorded `not_submitted`; editor for a year we hold no entry for",
    ),
    Code(
        "R107",
        Severity.WARNING,
        None,
        title="Holdings reported without type and lot numbers",
        basis="Art. 3(8): type, quantity and lot numbers",
        rationale="The report must give the type, quantity and lot numbers of what is retained.",
        fix="Add `by_type` rows (type, munitions, submunitions, lots) from the report; when a source says the "
        "report did not give them, record `omitted: [types, lots]`, and ask the state.",
        example="retention:\n  - {year: 2016, report: reported, held: {munitions: 0, submunitions: 125}, by_type: [], "
        "sources: [...]}\n",
        addressee_rule="state when the entry records types or lots as omitted by the report; otherwise editor",
    ),
    Code(
        "R108",
        Severity.INFO,
        Addressee.STATE,
        title="Retention ended",
        basis="Art. 3(6); Action 17",
        rationale="Holdings fell to zero: the state no longer retains, which closes follow-up on retention.",
        fix="Nothing to fix; check that later entries, if any, confirm it.",
        example="retention:\n  - {year: 2019, report: reported, held: {munitions: 5, submunitions: 3220}, sources: [...]}\n"
        "  - {year: 2020, report: reported, held: {munitions: 0, submunitions: 0}, sources: [...]}\n",
    ),
    Code(
        "R109",
        Severity.INFO,
        Addressee.STATE,
        title="Largest holdings among States Parties",
        basis="Art. 3(6): the minimum number absolutely necessary; Action 17",
        rationale="Monitors compare holdings across states; 'tens of thousands' of submunitions is what they object "
        "to. Lists the largest holders in the latest year due, and any above the threshold.",
        fix="Nothing to fix in the data; a point for the annual review.",
        example="retention:\n  - {year: 2015, report: reported, held: {munitions: 570, submunitions: 52801}, sources: [...]}\n",
        scope="dataset",
    ),
    Code(
        "R110",
        Severity.WARNING,
        None,
        title="The state is said to retain but the quantity is unknown",
        basis="Art. 3(8): quantity; Action 17",
        rationale="Without a figure the annual review of what is absolutely necessary cannot be made. Reported when "
        "an entry gives `held` with both parts null (the state is said to retain); an entry that leaves "
        "`held` out says nothing about holdings.",
        fix="Add `held` from the report; when a source says the report gave no quantity, record "
        "`omitted: [quantity]`, and ask the state.",
        example="retention:\n  - year: 2023\n    report: unknown\n    held: {munitions: null, submunitions: null}\n",
        addressee_rule="state when the entry records the quantity as omitted by the report; otherwise editor",
    ),
    Code(
        "R111",
        Severity.WARNING,
        Addressee.STATE,
        title="A reply to the coordinators' letter is overdue",
        basis="Work plan 2024-2025, strategy (a): formal correspondence and its follow-up",
        rationale="A letter or reminder recorded with a reply-by date that has passed, and no reply recorded "
        "after it: the state has not answered in the time asked.",
        fix="Record the reply (`ccm log ISO3 --kind reply ...`) if it came, or send a reminder (`ccm letter --reminder ISO3`).",
        example="engagements:\n  - {date: 2025-02-10, kind: letter, ref: CCM/SDR/2025/ESP/1, reply_by: 2025-04-11,\n"
        "     summary: Asked for the use of the retained munitions}\n",
    ),
    Code(
        "R112",
        Severity.WARNING,
        Addressee.EDITOR,
        title="Stockpile status unknown and no retention recorded",
        basis="Art. 3(1)-(6), Art. 7(1)(b)",
        rationale="With `stockpile.status: unknown` and no retention entry, nothing says whether the state ever held or "
        "retains cluster munitions: its retention situation reads as none only for want of evidence. A gap in "
        "our records, not a request to the state.",
        fix="Look up the state's Article 7 reports (initial report, form on stockpiles and retention) and record "
        "`stockpile.status` (`never_held` where a source says so) and any retention entries.",
        example="stockpile:\n  status: unknown\nretention: []\n",
    ),
    Code(
        "R113",
        Severity.WARNING,
        Addressee.EDITOR,
        title="A later source contradicts the latest figure",
        basis="Art. 3(6)-(8); Action 17",
        rationale="The latest known holdings are zero, and a later source still counts the state as retaining (it "
        "records what the state's report left out about retained munitions, with no quantity). Until the "
        "editor resolves it, nothing is asked of the state about those later years.",
        fix="Read the state's Article 7 reports for the years between and record what they say: holdings of zero, or "
        "the quantity retained; then remove the contradicted entry or correct it.",
        example="retention:\n  - {year: 2020, report: reported, held: {munitions: 0, submunitions: 0}, sources: [...]}\n"
        "  - {year: 2023, report: unknown, held: {munitions: null, submunitions: null}, omitted: [actual_use], "
        "sources: [...]}\n",
    ),
    Code(
        "T201",
        Severity.ERROR,
        Addressee.STATE,
        title="The stockpile destruction deadline has passed",
        basis="Art. 3(2)-(5)",
        rationale="Stockpiles must be destroyed within eight years of entry into force, or by the extended deadline.",
        fix="Record the completion date if destruction is complete, or the extension granted; otherwise this is a "
        "compliance issue for the Meeting of States Parties.",
        example="entry_into_force: 2011-10-01\nstockpile:\n  status: held\n",
    ),
    Code(
        "T202",
        Severity.WARNING,
        Addressee.STATE,
        title="A stockpile found after completion is not reported destroyed",
        basis="Art. 7(1)(g); Lausanne Action Plan Action 14",
        rationale="Stockpiles discovered after completion must be reported and destroyed as soon as possible.",
        fix="Record the destruction date from the report, or follow up with the state.",
        example="stockpile:\n  status: destroyed\n  discoveries:\n    - found: 2012\n      quantity: {munitions: 4, "
        "submunitions: null}\n      destroyed: null\n      sources: [...]\n",
    ),
    Code(
        "T203",
        Severity.WARNING,
        Addressee.EDITOR,
        title="Entry into force differs from Article 17",
        basis="Art. 17(1)-(2)",
        rationale="The Convention enters into force for a state on the first day of the sixth month after the month "
        "of deposit, and never before 1 August 2010; a different date is a typing or source error.",
        fix="Check the deposit date and the entry-into-force date against the UN Treaty Collection.",
        example="consent: {date: 2012-10-08, type: ratification}\nentry_into_force: 2013-03-01\n",
    ),
    Code(
        "T204",
        Severity.INFO,
        Addressee.STATE,
        title="The state has withdrawn",
        basis="Art. 20",
        rationale="After its withdrawal takes effect a state has no obligations under the Convention and leaves "
        "follow-up; its earlier record stays.",
        fix="Nothing to fix.",
        example="status: withdrawn\nwithdrawal: {notified: 2024-09-06, effective: 2025-03-06}\n",
    ),
    Code(
        "P001",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A practice names a state that has no record",
        basis=_PRACTICES,
        rationale="A practice is shown with the states it concerns (`ccm show`, invitations), so every state it names "
        "in `states`, `transfers` or `assistance` must have a file in `states/`. A state outside the Convention's "
        "records (a donor that never signed, for example) is named in the text instead.",
        fix="Correct the ISO3 code, or name the state in a text field (`funding`, `procurement`) if it has no record.",
        example="id: example\ntitle: Destruction in Ruritania\nstates: [RUR]\nsources: [...]\n",
        scope="practices",
    ),
    Code(
        "P002",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A cost without its currency or price year",
        basis=_PRACTICES + "; Art. 3(4)(b)",
        rationale="An amount means nothing without its currency, and amounts of different years cannot be compared; "
        "`ccm practices compare` converts only amounts whose currency and year are known.",
        fix="Add `currency` (ISO 4217) and `year` (the year the source gives the amount for, else the year it was "
        "published) from the source; if the source gives neither, leave the amount out and say so in `note`.",
        example="costs:\n  - {amount: 45000000, approximate: true}\n",
        scope="practices",
    ),
    Code(
        "P003",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A quantity without its unit",
        basis=_PRACTICES,
        rationale="52,000 of what? A figure in `quantity.other` or `throughput` is only read correctly with the unit "
        "its source gives (projectiles, rockets, tonnes).",
        fix="Add `unit` as the source words it (e.g. `155 mm ICM projectiles`, `tonnes`).",
        example="quantity:\n  other:\n    - {amount: 26000}\n",
        scope="practices",
    ),
    Code(
        "P004",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A practice without a source",
        basis=_PRACTICES,
        rationale="Every fact in the database is sourced or left out; a practice without sources cannot be checked "
        "by a reader, nor cited in the compendium.",
        fix="Add `sources` with the URL of each page the facts come from and a short verbatim `quote` that carries each fact.",
        example="id: example\ntitle: Destruction by the armed forces\nsources: []\n",
        scope="practices",
    ),
    Code(
        "P005",
        Severity.ERROR,
        Addressee.EDITOR,
        title="Identity: a practice's id and file name differ, or two files share an id",
        basis=_RECORD_FORMAT,
        rationale="A practice is found by its id (`ccm practices show ID`), so each has exactly one file, named after it.",
        fix="Rename the file to `<id>.yaml`, correct `id`, or merge the two files.",
        example="# in data/practices/nor-lokken.yaml\nid: norway-lokken\n",
        scope="file",
    ),
    Code(
        "P006",
        Severity.ERROR,
        Addressee.EDITOR,
        title="A practice's figure is not given by any quote of its sources",
        basis=_PRACTICES,
        rationale="Every figure of a practice (quantity, cost, throughput, transfer) is carried by a verbatim quote of "
        "its sources: a cost of 1,300,000 whose quote says 1,200,000 is a copying error. Amounts may be written "
        "`45 Millionen`, `£40m`, `17.5 million`, `25 bis 35 Millionen` or `20 billion`.",
        fix="Check the figure against the source: correct it, or add the quote that gives it.",
        example='costs:\n  - {amount: 1300000, currency: EUR, year: 2012}\nsources:\n  - {url: "https://example.org", '
        'quote: "cost EUR 1,200,000"}\n',
        scope="practices",
    ),
)

CODES: dict[str, Code] = {code.code: code for code in _CATALOGUE}

# Codes about the Convention's obligations rather than the record's form.
TREATY_FAMILIES = ("R", "T")


def new_finding(
    code: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
    path: str = "",
    state: str | None = None,
    year: int | None = None,
    value: object = None,
    addressee: Addressee | None = None,
    facts: dict[str, object] | None = None,
) -> Finding:
    """The one way to make a finding: severity and addressee come from the catalogue.

    `addressee` is required for the codes that decide it per finding, and refused for the others.
    """
    entry = CODES[code]
    if entry.addressee is None:
        if addressee is None:
            raise ValueError(f"{code} decides its addressee per finding: pass addressee=")
    elif addressee is not None and addressee != entry.addressee:
        raise ValueError(f"{code} always addresses the {entry.addressee.value}")
    return Finding(
        code,
        entry.severity,
        message,
        file,
        line,
        column,
        path,
        state,
        year,
        value,
        addressee or entry.addressee,  # type: ignore[arg-type]
        facts or {},
    )
