"""Refuse Cypher that could write or administer the graph, before it reaches the engine.

A small tokenizer, not a regex over the raw text: comments are dropped, string literals become
opaque tokens (so `RETURN 'CREATE'` passes), backtick-quoted names are names, and clause words are
compared case-insensitively. The engines' read-only modes refuse writes too; this is the first
of two locks and the one that explains itself.
"""

from __future__ import annotations

from dataclasses import dataclass

# Clause and admin words that have no place in a read query (the first word of LOAD CSV,
# USING PERIODIC COMMIT, CALL … IN TRANSACTIONS, START/STOP DATABASE, SHOW USERS, USE <db>).
WRITE_OR_ADMIN_WORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD", "PERIODIC",
    "COMMIT", "TRANSACTIONS", "GRANT", "DENY", "REVOKE", "ALTER", "RENAME", "START", "STOP",
    "TERMINATE", "ENABLE", "SHOW", "USE",
})  # fmt: skip
# Procedures a researcher may CALL; everything else (db.create.*, db.idx.fulltext.drop, dbms.*) is refused.
READ_PROCEDURES = frozenset(name.lower() for name in (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.indexes", "db.constraints",
    "db.idx.fulltext.queryNodes", "db.idx.fulltext.queryRelationships", "db.idx.vector.queryNodes",
    "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties", "algo.BFS", "algo.pageRank",
    "algo.SPpaths", "algo.SSpaths", "algo.WCC", "algo.labelPropagation", "algo.betweenness",
))  # fmt: skip


class CypherRefused(ValueError):
    """The query is not a single read-only statement; the message says what was found."""


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "name" (backtick-quoted), "string", "number", "param", "symbol"
    text: str
    at: int


def _skip_quoted(text: str, start: int, quote: str) -> int:
    """Index just past the literal opened at `start`, honouring backslash escapes ('' for backticks)."""
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\" and quote != "`":
            i += 2
            continue
        if char == quote:
            if quote == "`" and text[i + 1 : i + 2] == "`":
                i += 2
                continue
            return i + 1
        i += 1
    raise CypherRefused(f"unterminated {quote} literal starting at offset {start}")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif text.startswith("//", i):
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline + 1
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            if close < 0:
                raise CypherRefused(f"unterminated /* comment starting at offset {i}")
            i = close + 2
        elif char in "'\"`":
            end = _skip_quoted(text, i, char)
            kind = "name" if char == "`" else "string"
            inner = text[i + 1 : end - 1].replace("``", "`") if char == "`" else text[i:end]
            tokens.append(Token(kind, inner, i))
            i = end
        elif char.isalpha() or char == "_":
            end = i
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            tokens.append(Token("word", text[i:end], i))
            i = end
        elif char.isdigit():
            end = i
            while end < len(text) and (text[end].isalnum() or text[end] == "."):
                end += 1
            tokens.append(Token("number", text[i:end], i))
            i = end
        elif char == "$":
            end = i + 1
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            tokens.append(Token("param", text[i:end], i))
            i = end
        else:
            tokens.append(Token("symbol", char, i))
            i += 1
    return tokens


def _procedure_name(tokens: list[Token], start: int) -> str:
    """The dotted name after CALL: words or backtick names joined by '.'."""
    parts: list[str] = []
    i = start
    while i < len(tokens) and tokens[i].kind in ("word", "name"):
        parts.append(tokens[i].text)
        if i + 1 < len(tokens) and tokens[i + 1].text == ".":
            i += 2
        else:
            break
    return ".".join(parts)


def _is_clause_word(tokens: list[Token], i: int) -> bool:
    """A bare word in keyword position: not a property (`n.set`), label or type (`:Set`), map key
    or variable with a label (`{create: 1}`, `(delete:Region)`)."""
    before = tokens[i - 1].text if i > 0 and tokens[i - 1].kind == "symbol" else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "symbol" else ""
    return before not in (".", ":") and after != ":"


def check_read_only(text: str) -> None:
    """Raise CypherRefused unless `text` is one statement without write or admin clauses."""
    if "\x00" in text:
        raise CypherRefused(f"a NUL character at offset {text.index(chr(0))}")
    tokens = tokenize(text)
    if not tokens:
        raise CypherRefused("the query is empty")
    for i, token in enumerate(tokens):
        if token.kind == "symbol" and token.text == ";":
            if i + 1 < len(tokens):
                raise CypherRefused("one statement per query: found ';' followed by more")
            continue
        if token.kind != "word":
            continue
        upper = token.text.upper()
        if upper == "GRAPH" and i + 1 < len(tokens) and tokens[i + 1].text == ".":
            raise CypherRefused(f"GRAPH.* commands are not Cypher reads (offset {token.at})")
        if not _is_clause_word(tokens, i):
            continue
        if upper in WRITE_OR_ADMIN_WORDS:
            raise CypherRefused(f"read-only endpoint: '{token.text}' at offset {token.at} is not allowed")
        if upper == "CALL" and i + 1 < len(tokens) and tokens[i + 1].text != "{":
            name = _procedure_name(tokens, i + 1)
            if name.lower() not in READ_PROCEDURES:
                raise CypherRefused(f"procedure '{name or '?'}' is not on the read-only list")


def bounded(text: str, max_rows: int) -> str:
    """`text` returning at most `max_rows` rows, enforced by the engine rather than after the fetch:
    a LIMIT appended to (or lowered in) the final RETURN, or the whole statement wrapped in
    `CALL { … } RETURN * LIMIT n` where that is not possible (UNION, a computed LIMIT). A query
    with no RETURN at the top (a standalone read procedure) is left as it is."""
    tokens = tokenize(text)
    if tokens and tokens[-1].kind == "symbol" and tokens[-1].text == ";":
        text, tokens = text[: tokens[-1].at], tokens[:-1]
    depth = 0
    last_return: int | None = None
    limit_at: int | None = None
    union = False
    for i, token in enumerate(tokens):
        if token.kind == "symbol" and token.text in "{([":
            depth += 1
        elif token.kind == "symbol" and token.text in "})]":
            depth -= 1
        elif token.kind == "word" and depth == 0 and _is_clause_word(tokens, i):
            upper = token.text.upper()
            if upper == "UNION":
                union = True
            elif upper == "RETURN":
                last_return, limit_at = i, None
            elif upper == "LIMIT" and last_return is not None:
                limit_at = i
    if last_return is None:
        return text
    cap = max_rows + 1  # one more than shown, so the caller can say `truncated`
    wrapped = f"CALL {{\n{text}\n}}\nRETURN *\nLIMIT {cap}"
    if union:
        return wrapped
    if limit_at is None:
        return f"{text}\nLIMIT {cap}"  # on its own line: the query may end in a // comment
    rest = tokens[limit_at + 1 :]
    if len(rest) == 1 and rest[0].kind == "number" and rest[0].text.isdigit():
        if int(rest[0].text) <= cap:
            return text
        return text[: rest[0].at] + str(cap) + text[rest[0].at + len(rest[0].text) :]
    return wrapped
