"""Groups: who a label names when it qualifies a group rather than a person.

"Non-compliant parents", "hard-to-reach families", "non-engagement by parents" and
"parental disengagement" are about parents in general; blame about families in general is
parent blame, never the child's (issue 10).
"""

from __future__ import annotations

import re

# Narrower than mentions' parent words on purpose: "hard-to-reach home" or "non-compliant
# staff" is not a label on parents as a group.
_GROUP_PARENTS = (
    r"parents|families|carers|foster\s+carers|mothers|fathers|mums|dads|households|parent|"
    r"family|carer|mum|dad|mother|father|stepfather|stepmother|household"
)
_GROUP_CHILDREN = r"children|young\s+people|teenagers|adolescents|girls|boys|pupils|kids"
_LABEL_BEFORE = re.compile(
    r"\b(?:parental|parents['’]|families['’]|carers['’]|(?:family|mum|dad|mother|father|"
    r"carer|parent|stepfather|stepmother|stepdad|stepmum|nan|gran|grandmother|grandfather|"
    r"aunt|uncle)['’]s)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "Hostile or uncooperative parents", "hard-to-reach families": the label qualifies the
# noun right after it (a possessive or article there starts another phrase instead).
_LABEL_NOUN = re.compile(
    r"\s+(?:(?:or|and)\s+(?!(?:his|her|their|the|its|our|my|a|an)\b)[\w-]+\s+)?"
    r"(?:(?P<parent>" + _GROUP_PARENTS + r")|(?P<child>" + _GROUP_CHILDREN + r"))\b",
    re.IGNORECASE,
)
# "non-engagement by parents", "resistance from the parents".
_LABEL_OF = re.compile(
    r"\s+(?:by|of|from|among)\s+(?:(?:the|some|many|most|these|those)\s+)?"
    r"(?:(?P<parent>" + _GROUP_PARENTS + r")|(?P<child>" + _GROUP_CHILDREN + r"))\b"
    r"(?!['’]|\s+home)",  # "from the family home", "of children's services": not the group
    re.IGNORECASE,
)


def labelled_group(text: str, start: int, end: int) -> set[str] | None:
    """Who a label names when it qualifies a group: "Non-compliant parents",
    "hard-to-reach families", "non-engagement by parents", "parental disengagement".

    Blame about families in general is parent blame, never the child's. None when the
    words do not qualify a group.
    """
    limit = min(len(text), end + 40)
    if " " in text[start:end].strip():
        # A phrase: a noun right after it is its object ("failed to protect children"),
        # but "by"/"from" still says whose it is ("disguised compliance from mum").
        after = _LABEL_OF.match(text, end, limit)
    elif _LABEL_BEFORE.search(text, max(0, start - 24), start):
        return {"parent"}
    else:
        after = _LABEL_NOUN.match(text, end, limit) or _LABEL_OF.match(text, end, limit)
    if after is None:
        return None
    return {"parent"} if after.group("parent") else {"child"}
