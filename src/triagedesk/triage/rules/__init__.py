"""Word lists and rules of the classifier, compiled once at import.

One module per language (it, en, fr, ru, de, es) holds that language's concepts (lists of
terms), extra case patterns and cue patterns; `common` holds the international terms and
the templates shared by all languages.  Every language is always matched, since
customers mix languages ("il site è down", "сайт выдает 502 Bad Gateway").

Targets of a rule are:

* a catalogue slug ("site_down"): the case and, through the catalogue, its code;
* a situation named only by the code definitions ("disk_almost_full" is YELLOW),
  listed in SITUATIONS: it decides a code but is not a catalogue case;
* a cue ("@site_ok", "@not_urgent", ...) that changes how the others are weighed.
"""

from __future__ import annotations

import re
from types import ModuleType

from ..catalog_data import CATALOG_BY_SLUG
from ..codes import Code
from . import common, de, en, es, fr, it, ru
from .engine import PatternCompiler, Rule, RuleSet
from .text import fold_pattern_text

__all__ = [
    "LANGUAGE_MODULES",
    "HOSTING_WORDS",
    "hypothetical_before",
    "MULTILINGUAL",
    "PASSWORD_NEARBY",
    "language_of",
    "NEGATION_BEFORE",
    "RULES",
    "SITUATIONS",
    "PRODUCTION_CONTEXT",
    "STAGING_CONTEXT",
    "SUPPRESSES",
    "WORKS_PAST_BEFORE",
    "WORKS_UNDONE_AFTER",
    "target_code",
]

LANGUAGE_MODULES: tuple[ModuleType, ...] = (it, en, fr, ru, de, es)

#: Situations the code definitions decide, with no catalogue item of their own.
SITUATIONS: dict[str, Code] = {
    "vague_urgent": Code.RED,
    "disk_almost_full": Code.YELLOW,
    "ssl_expiring": Code.YELLOW,
    "high_load": Code.YELLOW,
    "monitor_flapping": Code.YELLOW,
    "backup_job_failing": Code.YELLOW,
    "domain_expiring": Code.YELLOW,
    "mailbox_quota_warning": Code.YELLOW,
    "vague_problem": Code.YELLOW,
    "evolutionary_change": Code.GREEN,
    "generic_consulting": Code.WHITE,
}


#: When the first case applies, it explains the words the others matched on: they keep
#: only a fraction of their score.  (A restore *on staging* is no live restore; a lost
#: FTP *password* is no file loss; moving from Joomla *to WordPress* is a CMS migration,
#: not a hosting one; a site that goes down for a minute and comes back is flapping.)
SUPPRESSES: dict[str, tuple[str, ...]] = {
    "staging_restore": ("db_restore", "file_restore"),
    "cms_migration": ("hosting_migration",),
    "epp_code": ("hosting_migration", "new_domain"),
    "monitor_flapping": ("site_down",),
    "scale_up_migration": ("slow_site", "network_outage"),
    "pagespeed": ("slow_site",),
    "performance_consulting": ("slow_site", "performance_tuning"),
    "mysql_password": ("db_loss", "file_loss"),
    "ftp_password": ("db_loss", "file_loss"),
    "email_password": ("db_loss", "file_loss", "email_not_working"),
    "cms_password": ("db_loss", "file_loss", "email_not_working"),
    "external_backup": ("db_restore", "file_restore"),
    "instance_downgrade": ("site_down", "scale_up_migration"),
    # A named cause of an outage is a better case than the outage itself.
    "network_outage": ("site_down",),
    "hardware_failure": ("site_down", "network_outage"),
    "defacement": ("site_down",),
    "file_loss": ("site_down",),
    "db_loss": ("site_down",),
    "repeated_5xx": ("site_down",),
}


def target_code(target: str) -> Code | None:
    spec = CATALOG_BY_SLUG.get(target)
    if spec is not None:
        return spec.code
    return SITUATIONS.get(target)


def _all_words(attribute: str) -> list[str]:
    words: list[str] = []
    for module in LANGUAGE_MODULES:
        words.extend(getattr(module, attribute))
    return words


_NEGATIONS = _all_words("NEGATIONS") + [
    "isn't", "doesn't", "don't", "didn't", "wasn't", "aren't", "weren't", "won't", "hasn't",
    "haven't", "couldn't", "shouldn't", "wouldn't", "cannot", "isn", "doesn", "didn", "wasn",
    "aren", "weren", "hasn", "haven", "couldn",
]
_BARRIERS = _NEGATIONS + _all_words("CONTRASTS")


# Gaps are the only capturing groups: the engine checks what they skipped.
_CAPTURING_GROUP = re.compile(r"(?<!\\)\((?!\?)")


def _checked(concepts: dict[str, list[str]], where: str) -> dict[str, list[str]]:
    for name, terms in concepts.items():
        for term in terms:
            if _CAPTURING_GROUP.search(term):
                raise ValueError(f"capturing group in {where} {{{name}}}: {term!r}: write (?:...)")
    return concepts


def _compiler_for(modules: tuple[ModuleType, ...]) -> PatternCompiler:
    """Concepts of the given languages merged with the international terms."""
    concepts: dict[str, list[str]] = {name: list(terms) for name, terms in common.INTERNATIONAL.items()}
    for module in modules:
        for name, terms in module.CONCEPTS.items():
            concepts.setdefault(name, []).extend(terms)
    where = "+".join(module.LANGUAGE for module in modules)
    return PatternCompiler(_checked(concepts, where), _BARRIERS)


#: Language label of rules compiled from the shared templates over every language's
#: terms; `language_of` tells which language a hit's words come from.
MULTILINGUAL = "*"


#: A brace that opens no {concept}: the pattern language has no {m,n} repeats (they would be
#: read as literal text and the pattern would silently never match).
_STRAY_BRACE = re.compile(r"\{(?![a-z_]+\})")


def _check_braces() -> None:
    for module in (common, *LANGUAGE_MODULES):
        for concept, terms in {**getattr(module, "INTERNATIONAL", {}), **getattr(module, "CONCEPTS", {})}.items():
            for term in terms:
                if _STRAY_BRACE.search(term):
                    raise ValueError(f"{module.__name__}: {{m,n}} repeat in {concept!r} term {term!r}")
        for name in ("SHARED_CASES", "CASES", "CUES", "SHARED_CUES"):
            for target, patterns in getattr(module, name, {}).items():
                for source, _weight in patterns:
                    if _STRAY_BRACE.search(source):
                        raise ValueError(f"{module.__name__}: {{m,n}} repeat in a {target!r} pattern {source!r}")


def _build_rules() -> list[Rule]:
    _check_braces()
    rules: dict[tuple[str, str], Rule] = {}

    def add(target: str, source: str, weight: float, language: str, compiler: PatternCompiler) -> None:
        if not target.startswith("@") and target_code(target) is None:
            raise ValueError(f"rule for unknown case {target!r}: {source!r}")
        if _CAPTURING_GROUP.search(source):
            raise ValueError(f"capturing group in {source!r}: write (?:...)")
        regex = compiler.term(source)
        key = (target, regex)
        known = rules.get(key)
        if known is None or weight > known.weight:
            rules[key] = Rule(target, weight, language, source, re.compile(regex), compiler.prefixes(source))

    # Shared templates once, over the union of all languages' terms: mixed-language
    # phrases ("il site è down") match, and each template is compiled only once.
    everyone = _compiler_for(LANGUAGE_MODULES)
    for table in (common.SHARED_CASES, common.SHARED_CUES):
        for target, patterns in table.items():
            for source, weight in patterns:
                add(target, source, weight, MULTILINGUAL, everyone)
    for module in LANGUAGE_MODULES:
        own = _compiler_for((module,))
        for table in (module.CASES, module.CUES):
            for target, patterns in table.items():
                for source, weight in patterns:
                    add(target, source, weight, module.LANGUAGE, own)
    return list(rules.values())


def _word_languages() -> dict[str, frozenset[str]]:
    """Which languages' word lists contain each (folded) word."""
    found: dict[str, set[str]] = {}
    for module in LANGUAGE_MODULES:
        for terms in module.CONCEPTS.values():
            for term in terms:
                for word in _LITERAL_WORD.findall(fold_pattern_text(_PLACEHOLDER_OR_ESCAPE.sub(" ", term))):
                    found.setdefault(word, set()).add(module.LANGUAGE)
    return {word: frozenset(languages) for word, languages in found.items()}


_LITERAL_WORD = re.compile(r"[^\W\d_]{3,}")
_PLACEHOLDER_OR_ESCAPE = re.compile(r"\{[a-z_]+\}|\\.|\[[^\]]*\]")
_WORD_LANGUAGES = _word_languages()


def language_of(snippet: str, default: str) -> str:
    """The language whose word lists best explain a matched snippet (for reasons)."""
    votes: dict[str, float] = {}
    for word in _LITERAL_WORD.findall(fold_pattern_text(snippet)):
        languages = _WORD_LANGUAGES.get(word)
        if not languages:
            continue
        for language in languages:
            votes[language] = votes.get(language, 0.0) + 1.0 / len(languages)
    if not votes:
        return default
    best = max(votes.values())
    leaders = [language for language, vote in votes.items() if vote == best]
    return default if default in leaders else sorted(leaders)[0]


RULES = RuleSet(_build_rules(), _BARRIERS)

#: Any hosting word at all (site, server, email, DNS...), searched only when no rule applied.
HOSTING_WORDS = re.compile(r"(?<!\w)" + _compiler_for(LANGUAGE_MODULES).term(common.HOSTING_VOCABULARY))


def _alternation(words: list[str]) -> str:
    folded = sorted({fold_pattern_text(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in folded) + ")"


_CLAUSE_SPACE = r"[ \t\"']+"
#: Matches the end of the text before a hit when a negation governs it: a negation word
#: among the last three words of the same clause, not part of "not only".
NEGATION_BEFORE = re.compile(
    r"(?:^|[^\w'])(" + _alternation(_NEGATIONS) + ")"
    + r"(?!\w)(?!" + _CLAUSE_SPACE + r"(?:solo|only|seulement|только|nur|sólo)\b)"
    + r"(?:" + _CLAUSE_SPACE + r"(?!(?:" + _alternation(_all_words("CONTRASTS")) + r"|ed|and|et|и|und|y)(?!\w))[\w']+){0,2}"
    + r"[ \t\"']*$"
)

#: The end of the text before a hit when it is only a hypothesis: "what happens if the
#: site goes down", "se il sito dovesse andare giù", "en cas de panne", "если сайт упадет".
#: "se" means "if" only in Italian (Spanish "se muestra" is reflexive) and "si" only in
#: French and Spanish (Italian "si vede" is reflexive): those two depend on the language.
_IF_ANY_LANGUAGE = (
    r"what happens if|what if|if|in case(?: of)?|in the event(?: of| that)?|should"
    r"|cosa succede se|qualora|nel caso(?: in cui)?|in caso(?: di)?|casomai|caso mai"
    r"|que se passe-t-il si|au cas o[uù]|en cas d[e']?"
    r"|что будет,? если|если|в случае"
    r"|was passiert,? wenn|falls|im fall(?:e)?"
    r"|qu[eé] pasa si|en caso de"
    r"|(?:know|notify|alert|warn|avvis\w*|sapere|savoir|pr[eé]venir|знать|уведом\w*|wissen"
    r"|benachrichtig\w*|saber|avisar)"
    r" (?:\w+ )?(?:when|quando|quand|когда|wann|cuando)"
)
_IF_BY_LANGUAGE = {"it": "se", "fr": "si", "es": "si"}


def _hypothetical_before(extra: str | None) -> re.Pattern[str]:
    words = _IF_ANY_LANGUAGE + (f"|{extra}" if extra else "")
    return re.compile(
        r"(?:^|[^\w'])(?:" + words + r")(?:" + _CLAUSE_SPACE + r"[\w']+){0,3}[ \t\"']*$"
        r"|(?:^|[^\w'])(?:dovesse|dovessero|dovesse mai)(?:" + _CLAUSE_SPACE + r"[\w']+){0,1}[ \t\"']*$"
    )


_HYPOTHETICAL_ANY = _hypothetical_before(None)
_HYPOTHETICAL_BY_LANGUAGE = {language: _hypothetical_before(word) for language, word in _IF_BY_LANGUAGE.items()}


def hypothetical_before(language: str) -> re.Pattern[str]:
    """The hypothesis detector for a ticket in `language` (see _IF_BY_LANGUAGE)."""
    return _HYPOTHETICAL_BY_LANGUAGE.get(language, _HYPOTHETICAL_ANY)


#: A password word near a "lost"/"perso" hit: the loss is of access, not of data.
PASSWORD_NEARBY = re.compile(
    r"(?<!\w)(?:" + "|".join(
        re.escape(fold_pattern_text(w))
        for w in ("password", "passwort", "passwd", "pwd", "parola d'ordine", "credenziali", "credentials",
                  "mot de passe", "mdp", "identifiants", "пароль", "пароля", "паролем", "kennwort",
                  "contraseña", "clave", "zugangsdaten")
    ) + r")"
)


# --------------------------------------------------------------------------- context of a hit
# Used by the classifier to decide whether a RED hit is credible: RED evidence wins unless
# it is negated, hypothetical, past and resolved, or clearly about staging/test; and a
# "the site works" only counts when it says the service is fine now.

def _folded_alternation(pattern: str) -> str:
    return fold_pattern_text(pattern)


#: A staging / test / development copy named in the same sentence as a RED hit.
STAGING_CONTEXT = re.compile(
    r"(?<!\w)(?:" + _folded_alternation(
        r"staging|stage (?:site|server|environment|env)|pre-?prod\w*|preprod\w*|sandbox|uat"
        r"|(?:test|testing|dev|development|demo) (?:site|server|environment|env|copy|instance|install|version|shop|store)"
        r"|(?:sito|server|copia|versione|sottodominio|istanza|installazione|ambiente|negozio) di (?:test|prova|sviluppo|staging|collaudo|pre-?produzione)"
        r"|collaudo|pre-?produzione"
        r"|(?:site|serveur|copie|version|instance|environnement|boutique) de (?:test|recette|d[eé]veloppement|dev|pr[eé]-?prod\w*)"
        r"|recette"
        r"|тестов\w* (?:сайт|копи|сервер|верси|сред|окружени|площадк|магазин)\w*|песочниц\w*|стейджинг\w*"
        r"|test-?umgebung|testseite|testsystem|testserver|testinstanz|testshop|entwicklungsumgebung|staging-?umgebung|dev-?system"
        r"|(?:entorno|web|sitio|servidor|copia|versi[oó]n|tienda) de (?:pruebas|prueba|test|desarrollo|staging)"
        r"|(?:test|staging|stage|dev|preprod|demo|collaudo|prova|sviluppo|recette|pruebas)\.[a-z0-9-]+\.[a-z]{2,}"
    ) + r")(?!\w)"
)
#: The live site named in the same clause: then the staging mention does not excuse the hit.
PRODUCTION_CONTEXT = re.compile(
    r"(?<!\w)(?:" + _folded_alternation(
        r"production|prod|live|produzione|sito (?:principale|reale|ufficiale|pubblico)|site (?:principal|r[eé]el)"
        r"|боев\w*|рабоч\w* (?:сайт|копи|сервер|верси)\w*|продакшн\w*|прод"
        r"|produktiv\w*|live-?seite|live-?system|hauptseite"
        r"|producci[oó]n|en vivo|web (?:real|principal)|sitio real"
    ) + r")(?!\w)"
)

#: Right after a "works" cue: a negation that follows the verb ("ne fonctionne PAS",
#: "funktioniert seit gestern NICHT mehr") or a time limit ("worked fine UNTIL today").
WORKS_UNDONE_AFTER = re.compile(
    r"^[ \t'\"]*(?:[\w']+[ \t]+){0,3}?(?:"
    + _folded_alternation(
        r"pas|plus|jamais|nicht|nichts|keine?|nie|niemals|until|till|up until|fino a|fino alle|fino al|jusqu'?a?"
        r"|bis|hasta|до"
    )
    + r")(?!\w)"
)
#: Right before a "works" cue: it is the past ("it WAS working fine", "HAT funktioniert").
WORKS_PAST_BEFORE = re.compile(
    r"(?<!\w)(?:" + _folded_alternation(
        r"was|were|had|used to|had been|hat|hatte|haben|habe|war|waren|bisher|era|aveva"
        r"|[eé]tait|avait|estaba|hab[ií]a|был|была|было|были"
    ) + r")(?:[ \t]+[\w']+){0,2}[ \t]*$"
)
