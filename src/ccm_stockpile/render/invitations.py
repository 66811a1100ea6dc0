"""Invitations to share destruction practice: the domain's `Invitation` put into words through the language's
template, with the questionnaire annex generated from the practice record's fields."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ccm_stockpile.domain.invitations import Invitation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.practice import Method
from ccm_stockpile.records.state import Language, StateRecord
from ccm_stockpile.records.types import Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.documents import Format, RenderError, Safe, convert, environment, escape_markdown, render_markdown
from ccm_stockpile.render.filters import language_filters
from ccm_stockpile.render.letters import correspondence_context, require_signatories

METHODS = {
    Language.EN: {
        Method.OPEN_BURNING_DETONATION: "open burning and open detonation",
        Method.INCINERATION: "incineration",
        Method.CONTAINED_DETONATION: "contained detonation",
        Method.DISASSEMBLY_RECYCLING: "disassembly and recycling",
        Method.CRYOFRACTURE: "cryofracture",
        Method.OTHER: "another method (please describe it)",
    },
    Language.FR: {
        Method.OPEN_BURNING_DETONATION: "brûlage et détonation à l'air libre",
        Method.INCINERATION: "incinération",
        Method.CONTAINED_DETONATION: "détonation en milieu confiné",
        Method.DISASSEMBLY_RECYCLING: "démontage et recyclage",
        Method.CRYOFRACTURE: "cryofracturation",
        Method.OTHER: "une autre méthode (à décrire)",
    },
    Language.ES: {
        Method.OPEN_BURNING_DETONATION: "quema y detonación a cielo abierto",
        Method.INCINERATION: "incineración",
        Method.CONTAINED_DETONATION: "detonación confinada",
        Method.DISASSEMBLY_RECYCLING: "desmontaje y reciclaje",
        Method.CRYOFRACTURE: "criofractura",
        Method.OTHER: "otro método (sírvase describirlo)",
    },
}

# One heading and one question per field of the practice record (see `questionnaire_fields`); a field
# without wording in a language stops the render, so the questionnaire can never silently drop a field.
QUESTIONS: dict[Language, dict[str, tuple[str, str]]] = {
    Language.EN: {
        "title": ("Title", "A one-line title for the practice: who destroyed what, and where."),
        "method": ("Main method of destruction", "The main method used: {methods}."),
        "other_methods": ("Other methods", "Any other method used in the same programme."),
        "states": ("States concerned", "The States whose stockpiles the practice concerned, where other States were involved."),
        "facility": (
            "Facility and operator",
            "Where destruction took place, and by whom: national forces, a company or an organization.",
        ),
        "period": ("Period", "When destruction began and when it was completed."),
        "quantity": (
            "Quantities destroyed",
            "The number of cluster munitions and of explosive submunitions destroyed, and their weight in tonnes where "
            "known; any other figure with its unit.",
        ),
        "costs": (
            "Costs",
            "The cost of destruction, with its currency and the year of the prices, stating whether it is the final "
            "cost, an estimate or a budget, and what it covers.",
        ),
        "funding": (
            "Funding",
            "How destruction was paid for: national budget, assistance received, sale of recovered materials.",
        ),
        "procurement": (
            "Organization and procurement",
            "How the work was organized: by national forces, by contract (and how the contractor was chosen), through "
            "an agency or in partnership with an organization.",
        ),
        "transfers": (
            "Transfers for destruction (Article 3, paragraph 7)",
            "Any cluster munitions transferred to another State, or received from one, for destruction: the States, "
            "the year and the quantities.",
        ),
        "assistance": (
            "Assistance (Article 6, paragraph 5)",
            "Assistance received from, or given to, other States for the destruction of stockpiles, and its form.",
        ),
        "safety": (
            "Safety",
            "The safety standards applied, the measures taken and the safety record (Article 7, paragraph 1 (e) and (f)).",
        ),
        "environment": (
            "Environment",
            "The environmental standards applied, emissions and their treatment, and the share of materials recycled "
            "(Article 3, paragraph 2).",
        ),
        "efficiency": (
            "Efficiency",
            "Planning, timeline and cost-effectiveness: what allowed destruction to be completed on time.",
        ),
        "throughput": ("Throughput", "The rate of destruction achieved, for example in items or tonnes per day or per year."),
        "verification": ("Verification", "How destruction was witnessed, certified or verified."),
        "lessons": (
            "Lessons learned",
            "What other States should know before destroying a stockpile, including the handling of stocks discovered "
            "after completion.",
        ),
        "sources": ("Documents", "Public documents that describe the practice and may be cited, such as Article 7 reports."),
    },
    Language.FR: {
        "title": ("Intitulé", "Un intitulé d'une ligne pour la pratique : qui a détruit quoi, et où."),
        "method": ("Principale méthode de destruction", "La principale méthode employée : {methods}."),
        "other_methods": ("Autres méthodes", "Toute autre méthode employée dans le même programme."),
        "states": ("États concernés", "Les États dont les stocks étaient concernés, lorsque d'autres États y ont pris part."),
        "facility": (
            "Installation et opérateur",
            "Le lieu de la destruction et l'entité qui l'a effectuée : forces nationales, entreprise ou organisation.",
        ),
        "period": ("Période", "Les dates de début et d'achèvement de la destruction."),
        "quantity": (
            "Quantités détruites",
            "Le nombre d'armes à sous-munitions et de sous-munitions explosives détruites, et leur poids en tonnes "
            "s'il est connu ; tout autre chiffre avec son unité.",
        ),
        "costs": (
            "Coûts",
            "Le coût de la destruction, avec sa monnaie et l'année des prix, en précisant s'il s'agit du coût final, "
            "d'une estimation ou d'un budget, et ce qu'il couvre.",
        ),
        "funding": (
            "Financement",
            "Le mode de financement de la destruction : budget national, assistance reçue, vente des matériaux récupérés.",
        ),
        "procurement": (
            "Organisation et passation des marchés",
            "L'organisation des travaux : par les forces nationales, par contrat (et le mode de sélection du "
            "prestataire), par l'intermédiaire d'une agence ou en partenariat avec une organisation.",
        ),
        "transfers": (
            "Transferts aux fins de destruction (article 3, paragraphe 7)",
            "Toute arme à sous-munitions transférée à un autre État, ou reçue d'un autre État, aux fins de "
            "destruction : les États, l'année et les quantités.",
        ),
        "assistance": (
            "Assistance (article 6, paragraphe 5)",
            "L'assistance reçue d'autres États, ou fournie à d'autres États, pour la destruction des stocks, et sa forme.",
        ),
        "safety": (
            "Sécurité",
            "Les normes de sécurité appliquées, les mesures prises et le bilan en matière de sécurité (article 7, "
            "paragraphe 1, alinéas e) et f)).",
        ),
        "environment": (
            "Environnement",
            "Les normes environnementales appliquées, les émissions et leur traitement, et la part des matériaux "
            "recyclés (article 3, paragraphe 2).",
        ),
        "efficiency": (
            "Efficacité",
            "La planification, le calendrier et le rapport coût-efficacité : ce qui a permis d'achever la destruction "
            "dans les délais.",
        ),
        "throughput": ("Cadence", "Le rythme de destruction atteint, par exemple en unités ou en tonnes par jour ou par an."),
        "verification": ("Vérification", "La manière dont la destruction a été constatée, certifiée ou vérifiée."),
        "lessons": (
            "Enseignements",
            "Ce que d'autres États devraient savoir avant de détruire un stock, y compris le traitement des stocks "
            "découverts après l'achèvement.",
        ),
        "sources": (
            "Documents",
            "Les documents publics qui décrivent la pratique et peuvent être cités, tels que les rapports au titre "
            "de l'article 7.",
        ),
    },
    Language.ES: {
        "title": ("Título", "Un título de una línea para la práctica: quién destruyó qué, y dónde."),
        "method": ("Método principal de destrucción", "El método principal empleado: {methods}."),
        "other_methods": ("Otros métodos", "Cualquier otro método empleado en el mismo programa."),
        "states": ("Estados interesados", "Los Estados cuyas existencias abarcó la práctica, cuando participaron otros Estados."),
        "facility": (
            "Instalación y operador",
            "Dónde tuvo lugar la destrucción y quién la llevó a cabo: fuerzas nacionales, una empresa o una organización.",
        ),
        "period": ("Período", "Cuándo comenzó y cuándo concluyó la destrucción."),
        "quantity": (
            "Cantidades destruidas",
            "El número de municiones en racimo y de submuniciones explosivas destruidas, y su peso en toneladas si "
            "se conoce; cualquier otra cifra con su unidad.",
        ),
        "costs": (
            "Costos",
            "El costo de la destrucción, con su moneda y el año de los precios, indicando si se trata del costo final, "
            "de una estimación o de un presupuesto, y lo que abarca.",
        ),
        "funding": (
            "Financiación",
            "Cómo se financió la destrucción: presupuesto nacional, asistencia recibida, venta de materiales recuperados.",
        ),
        "procurement": (
            "Organización y contratación",
            "Cómo se organizó el trabajo: por las fuerzas nacionales, por contrato (y cómo se eligió al contratista), "
            "por conducto de un organismo o en asociación con una organización.",
        ),
        "transfers": (
            "Transferencias para su destrucción (artículo 3, párrafo 7)",
            "Toda munición en racimo transferida a otro Estado, o recibida de otro Estado, para su destrucción: los "
            "Estados, el año y las cantidades.",
        ),
        "assistance": (
            "Asistencia (artículo 6, párrafo 5)",
            "La asistencia recibida de otros Estados, o prestada a otros Estados, para la destrucción de existencias, "
            "y su forma.",
        ),
        "safety": (
            "Seguridad",
            "Las normas de seguridad aplicadas, las medidas adoptadas y el historial de seguridad (artículo 7, "
            "párrafo 1, apartados e) y f)).",
        ),
        "environment": (
            "Medio ambiente",
            "Las normas ambientales aplicadas, las emisiones y su tratamiento, y la proporción de materiales "
            "reciclados (artículo 3, párrafo 2).",
        ),
        "efficiency": (
            "Eficiencia",
            "La planificación, el calendario y la relación costo-eficacia: lo que permitió concluir la destrucción a tiempo.",
        ),
        "throughput": ("Ritmo", "El ritmo de destrucción alcanzado, por ejemplo en unidades o toneladas por día o por año."),
        "verification": ("Verificación", "Cómo se presenció, certificó o verificó la destrucción."),
        "lessons": (
            "Lecciones aprendidas",
            "Lo que otros Estados deberían saber antes de destruir sus existencias, incluido el tratamiento de las "
            "existencias descubiertas después de la conclusión.",
        ),
        "sources": (
            "Documentos",
            "Los documentos públicos que describen la práctica y pueden citarse, como los informes presentados en "
            "virtud del artículo 7.",
        ),
    },
}

_AND = {Language.EN: " and ", Language.FR: " et ", Language.ES: " y "}


@dataclass(frozen=True)
class Question:
    """One heading of the questionnaire: the record field it fills, its heading and its question."""

    field: str
    heading: str
    text: str


def questionnaire(fields: list[str], language: Language) -> list[Question]:
    """The questionnaire's headings, one per field, in the record's order."""
    wording = QUESTIONS[language]
    methods = ", ".join(METHODS[language][method] for method in Method)
    questions = []
    for name in fields:
        if name not in wording:
            raise RenderError(f"the questionnaire has no wording in {language.value} for the practice field `{name}`")
        heading, text = wording[name]
        questions.append(Question(name, heading, text.format(methods=methods)))
    return questions


def _join(names: list[str], language: Language) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + _AND[language] + names[-1]


def _of_states(codes: tuple[str, ...], states: dict[str, StateRecord], language: Language) -> str:
    """`of Belgium and France`, `de la Belgique et de la France`, `del Perú y de España`."""
    names = [words.state_name(states[code], language) if code in states else code for code in codes]
    if language == Language.EN:
        return "of " + _join(names, language)
    return _join([words.de_name(name, language) for name in names], language)


def invitation_markdown(
    invitation: Invitation, view: StateView, states: dict[str, StateRecord], templates: Path | None = None
) -> str:
    """The invitation as Markdown, from `letters/invitation.<language>.md.j2`."""
    language = invitation.language
    settings = view.settings
    require_signatories(invitation.form, settings)
    filters = language_filters(language)

    def cite_all(sources: list[Source]) -> Safe:
        return Safe("; ".join(filters["cite"](source) for source in sources))

    filters["cite_all"] = cite_all
    filters["of_states"] = lambda codes: Safe(escape_markdown(_of_states(tuple(codes), states, language)))
    filters["of_name"] = lambda name: Safe(escape_markdown(words.de_name(name, language)))
    env = environment(templates, filters, language)
    context = correspondence_context(view, states, language, invitation.form) | {
        "invitation": invitation,
        "questions": questionnaire(invitation.fields, language),
    }
    return render_markdown(env, f"letters/invitation.{language.value}.md.j2", context)


def invitation_file(invitation: Invitation, output: Format) -> str:
    """The file name: fixed words and the ISO3 code only, never text from the data."""
    return f"invitation-{invitation.iso3}-{invitation.date.isoformat()}.{invitation.language.value}.{output.value}"


def render_invitation(
    invitation: Invitation, view: StateView, states: dict[str, StateRecord], output: Format, templates: Path | None = None
) -> bytes:
    """The invitation in the chosen format."""
    markdown = invitation_markdown(invitation, view, states, templates)
    return convert(markdown, output, invitation.reference, invitation.date, invitation.language.value)
