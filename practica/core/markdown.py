"""Markdown to safe HTML: CommonMark by markdown-it-py, sanitised by nh3.

HTML bodies from imports go through the same sanitiser (``sanitise_html``).
"""

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_.+-]{2,150})")
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre",
    "s", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align"},
    "th": {"align"},
    "code": {"class"},
    "span": {"class"},
    "ol": {"start"},
}


def _mention_rule(state: StateCore) -> None:
    """Turn @username in plain text (never in code or links) into a link to the profile."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for token in block.children:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type != "text" or in_link or "@" not in token.content:
                children.append(token)
                continue
            children.extend(_split_mentions(token.content))
        block.children = children


def _split_mentions(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for match in MENTION.finditer(text):
        username = match.group(1).rstrip(".")
        if match.start() > position:
            tokens.append(_text(text[position : match.start()]))
        link = Token("link_open", "a", 1)
        link.attrs = {"href": f"/members/{username}/", "class": "mention"}
        tokens += [link, _text("@" + username), Token("link_close", "a", -1)]
        position = match.start() + 1 + len(username)
    tokens.append(_text(text[position:]))
    return tokens


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


_md = MarkdownIt("commonmark", {"linkify": False}).enable(["table", "strikethrough"])
_md.core.ruler.push("mentions", _mention_rule)


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )


def render_markdown(text: str) -> str:
    return sanitise_html(_md.render(text))


def mentioned_usernames(text: str) -> set[str]:
    """Usernames mentioned in a markdown text, outside code spans and blocks."""
    without_code = re.sub(r"```.*?```|`[^`]*`", "", text, flags=re.S)
    return {m.group(1).rstrip(".") for m in MENTION.finditer(without_code)}
