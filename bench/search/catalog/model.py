"""The pieces every category table is made of: parameters, action templates, and how one
template becomes one action of one integration.

A template names the nouns it works on by slot (`{item}`, `{items}` for the plural,
`{Item}` capitalised); each integration fills the slots with its own words (Jira's item is an
`issue`, Asana's a `task`). In a parameter's name a slot is spelled in camelCase (`{item}Id` →
`issueId`, `pullRequestId`); in the action's name in upper snake case (`PULL_REQUEST`).
"""

import re


class P:
    """One parameter: a camelCase name (slots allowed), what it means, its JSON type."""

    def __init__(self, name, description, type="string", required=False, enum=None, items=None):
        self.name, self.description, self.type = name, description, type
        self.required, self.enum, self.items = required, enum, items


def R(name, description, type="string", **options):
    """A required parameter."""
    return P(name, description, type, required=True, **options)


class T:
    """One action template.

    verb: the name's first word after the integration (CREATE, LIST, SEND...).
    obj: the slot the name ends with, or None when `name` spells the rest.
    plural: the name uses the slot's plural (LIST_CONTACTS).
    name: the whole name after the integration, in slots (`ADD_COMMENT_TO_{item}`).
    key: what an integration calls the template to skip it; the name's default.
    """

    def __init__(self, verb, obj, description, params=(), plural=False, name=None, key=None):
        self.verb, self.obj, self.description = verb, obj, description
        self.params, self.plural, self.name = list(params), plural, name
        if name:
            self.key = key or name
        else:
            self.key = key or (verb + "_" + (obj or "") + ("S" if plural else "")).lower()


IRREGULAR = {"person": "people", "child": "children", "status": "statuses", "media": "media",
             "inventory": "inventory", "data": "data", "analysis": "analyses"}


def plural(noun):
    """English plural of the last word of a noun (`pull request` → `pull requests`)."""
    if "|" in noun:
        return noun.split("|")[1]
    head, _, last = noun.rpartition(" ")
    if last in IRREGULAR:
        word = IRREGULAR[last]
    elif re.search(r"[^aeiou]y$", last):
        word = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        word = last + "es"
    else:
        word = last + "s"
    return (head + " " if head else "") + word


def singular(noun):
    return noun.split("|")[0]


def camel(noun):
    words = re.split(r"[ \-]+", noun)
    return words[0].lower() + "".join(word[:1].upper() + word[1:] for word in words[1:])


def upper_snake(noun):
    return re.sub(r"[^A-Za-z0-9]+", "_", noun).strip("_").upper()


def key_prefix(key):
    """An integration key's prefix in action names: `googleCalendar` → `GOOGLE_CALENDAR`, the
    way the host splits keys (before an upper-case letter that follows a lower-case one)."""
    return upper_snake(re.sub(r"(?<=[^A-Z_])(?=[A-Z])", "_", key))


def slot_values(vocab, app):
    """The format dictionaries for texts, parameter names and action names."""
    text, names, upper = {"app": app}, {}, {}
    for slot, noun in vocab.items():
        one, many = singular(noun), plural(noun)
        text[slot], text[slot + "s"] = one, many
        text[slot.capitalize()], text[slot.capitalize() + "s"] = one[:1].upper() + one[1:], many[:1].upper() + many[1:]
        names[slot], names[slot + "s"] = camel(one), camel(many)
        names[slot.capitalize()] = camel(one)[:1].upper() + camel(one)[1:]
        upper[slot], upper[slot + "s"] = upper_snake(one), upper_snake(many)
    return text, names, upper


def render(template, prefix, app, vocab):
    """The action of `template` for one integration: {name, description, parameters}."""
    text, names, upper = slot_values(vocab, app)
    if template.name:
        rest = template.name.format(**upper)
    else:
        noun = upper[template.obj + ("s" if template.plural else "")] if template.obj else ""
        rest = template.verb + ("_" + noun if noun else "")
    properties, required = {}, []
    for param in template.params:
        name = param.name.format(**names)
        schema = {"type": param.type, "description": param.description.format(**text)}
        if param.enum:
            schema["enum"] = list(param.enum)
        if param.type == "array":
            schema["items"] = {"type": param.items or "string"}
        properties[name] = schema
        if param.required:
            required.append(name)
    parameters = {"type": "object", "properties": properties}
    if required:
        parameters["required"] = required
    return {"name": prefix + "_" + rest, "description": template.description.format(**text),
            "parameters": parameters}


class Category:
    """A kind of integration: its default nouns and its table of templates (at least 20)."""

    def __init__(self, key, label, vocab, templates):
        self.key, self.label, self.vocab, self.templates = key, label, vocab, templates


class Integration:
    """One integration: key, display name, category, its nouns, and changes to the table.

    skip: template keys it does not have; extra: its own templates. It gets the table's first
    templates it has, as many as leave room for its extras, then the extras: 20 in all.
    """

    def __init__(self, key, display, category, vocab=None, skip=(), extra=()):
        self.key, self.display, self.category = key, display, category
        self.vocab, self.skip, self.extra = dict(vocab or {}), set(skip), list(extra)
