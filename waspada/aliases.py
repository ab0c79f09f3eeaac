"""Office aliases: region names staff teach once ("Kab. TTS Selatan" is 53.02), stored in the
table region_aliases with who and when, audited in the accounts' audit log, used by every
later upload and CLI load (waspada.ingest.regions reads them after the official names).

An alias never points outside the scope of the person who makes it (User.upload_regions);
it cannot override an official name. Removing one is for admins and for the one who made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import duckdb
import pandas as pd

from waspada import reference
from waspada.i18n import Message, MessageError, msg
from waspada.ingest.regions import english_to_indonesian, office_aliases, region_resolver, resolver_for, split_name
from waspada.ingest.text import cell_text, words

SYSTEM_ACTOR = "sistem"


class AliasError(MessageError):
    """An alias that may not be made or removed (unknown code, outside scope, exists...)."""


@dataclass(frozen=True)
class TeachItem:
    """A refused region name in a parsed file, with the rows it stopped and where to look."""
    name: str
    rows: int
    choices: tuple[str, ...]  # kabupaten/kota codes within the user's scope, closest first


def alias_key(name: str, level: str) -> str:
    """The name as the resolver compares it (kecamatan names carry no Kab./Kota prefix)."""
    if level == "kecamatan":
        text = words(name)
        for prefix in ("kecamatan ", "kec "):
            if text.startswith(prefix):
                text = text[len(prefix):]
        return "".join(english_to_indonesian(text.split()))
    return "".join(split_name(name)[0])


def list_aliases(db) -> pd.DataFrame:
    """alias_id, name, code, region (official name), created_by, created_at; newest first."""
    cols = ["alias_id", "name", "code", "region", "created_by", "created_at"]
    if db is None or not db.exists():
        return pd.DataFrame(columns=cols)
    try:
        df = db.query_df("SELECT alias_id, name, code, created_by, created_at FROM region_aliases "
                         "ORDER BY alias_id DESC")
    except duckdb.CatalogException:
        return pd.DataFrame(columns=cols)
    names = reference.regions().set_index("code")["name"]
    df["region"] = [names.get(c, c) for c in df["code"]]
    return df[cols]


def _region(code: str):
    regions = reference.regions().set_index("code")
    code = reference.dotted(cell_text(code))
    if code not in regions.index or regions.loc[code, "level"] not in ("kabupaten_kota", "kecamatan"):
        raise AliasError("alias_unknown_code", code=code)
    return code, regions.loc[code]


def _allowed(user, kabkota_code: str) -> bool:
    if user is None:  # the command line without --by: the system, as an admin
        return True
    scope = user.upload_regions()
    return scope is None or kabkota_code in scope


def add_alias(db, accounts, user, name: str, code: str, province: str | None = None) -> Message:
    """Teach `name` as region `code` (a kabupaten/kota or a kecamatan); audited. `user` None
    is the command line acting as the system. Returns the confirmation to show."""
    name = cell_text(name)
    if not name:
        raise AliasError("alias_empty_name")
    if user is not None and not user.can("upload"):
        raise AliasError("alias_not_allowed")
    code, row = _region(code)
    level = row["level"]
    kabkota = code if level == "kabupaten_kota" else row["kabkota_code"]
    if province is not None and reference.dotted(cell_text(province)) != row["province_code"]:
        raise AliasError("alias_province_mismatch", region=row["name"], code=code, province=cell_text(province))
    if not _allowed(user, kabkota):
        raise AliasError("alias_outside_scope", region=row["name"], code=code)
    resolver = resolver_for(db)
    found = (resolver.kecamatan(kabkota, name) if level == "kecamatan"
             else resolver.kabkota(name, row["province_code"]))
    if found.code is not None and (found.via in ("official", "english", "office") or found.code == code):
        existing = resolver.name_of(found.code)
        raise AliasError("alias_exists" if found.via == "office" else "alias_is_official",
                         name=name, region=existing, code=found.code)
    k = alias_key(name, level)
    parent = row["province_code"] if level == "kabupaten_kota" else kabkota
    actor = user.username if user is not None else SYSTEM_ACTOR
    with db.writer() as con:
        con.execute("INSERT INTO region_aliases (name, alias_key, code, parent_code, created_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", [name, k, code, parent, actor, datetime.now(timezone.utc)])
    accounts.audit(actor, "alias_added", target=name, detail={"code": code, "region": row["name"]})
    return msg("alias_added", name=name, region=row["name"], code=code)


def remove_alias(db, accounts, user, alias_id: int) -> Message:
    """Remove one alias; admins remove any, staff only their own within their scope. Audited."""
    df = list_aliases(db)
    match = df[df["alias_id"] == int(alias_id)]
    if match.empty:
        raise AliasError("alias_not_found", alias_id=alias_id)
    r = match.iloc[0]
    if user is not None and user.role != "admin" and (r["created_by"] != user.username or not user.can("upload")):
        raise AliasError("alias_not_allowed")
    with db.writer() as con:
        con.execute("DELETE FROM region_aliases WHERE alias_id = ?", [int(alias_id)])
    actor = user.username if user is not None else SYSTEM_ACTOR
    accounts.audit(actor, "alias_removed", target=r["name"], detail={"code": r["code"], "region": r["region"]})
    return msg("alias_removed", name=r["name"], region=r["region"], code=r["code"])


REGION_REFUSALS = frozenset({"regions_unknown_closest", "regions_unknown_closest_in_province", "ingest_region_unknown",
                             "ingest_region_unknown_in_province", "ingest_region_ambiguous",
                             "ingest_region_not_in_province"})


def teach_items(report, user, *, column_names=("kabupaten_kota",), limit: int = 30) -> list[TeachItem]:
    """The distinct region names a parse refused, each with the regions the user may pick
    (their scope only), closest first. The refusal's message carries the name as written."""
    counts: dict[str, int] = {}
    for refusal in report.refused:
        reason = refusal.get("reason")
        if isinstance(reason, Message) and reason.key in REGION_REFUSALS and "raw" in reason.params:
            counts[reason.params["raw"]] = counts.get(reason.params["raw"], 0) + 1
    scope = user.upload_regions() if user is not None else None
    resolver = region_resolver()
    items = []
    for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        choices = tuple(resolver.closest(name, within=scope, limit=limit, cutoff=None))
        if choices:
            items.append(TeachItem(name, n, choices))
    return items
