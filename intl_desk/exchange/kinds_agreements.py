"""Agreement rows: parties by name, themes and SDGs, duplicates by parties, type and date.

A duplicate is an agreement with the same partners and local entities, the same type and
the same signing date — already in the file or on an earlier row of the sheet. When the
sheet has no column for our side, the office's own government (if it has exactly one) is
the local party, as in a city's register where "we" sign every agreement.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from graphlib import CycleError, TopologicalSorter
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from intl_desk.core import vocabularies as vocab
from intl_desk.core.display import country_name
from intl_desk.core.i18n import N_
from intl_desk.core.lifecycle import status_from_dates
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    LocalEntity,
)
from intl_desk.core.validation import errors_of_values
from intl_desk.exchange.bulk import fast_uuid
from intl_desk.exchange.context import NAMESAKES, ImportContext, name_key
from intl_desk.exchange.fields import AGREEMENTS
from intl_desk.exchange.importer import (
    NEW_ENTITY,
    NEW_PARTNER,
    Issue,
    OnDuplicate,
    RowPreview,
    kept_as_written,
)
from intl_desk.exchange.values import theme_codes

SCALARS = (
    "title",
    "type",
    "status",
    "reference",
    "summary",
    "date_signed",
    "date_expires",
    "date_in_force",
    "date_ended",
    "perpetual",
    "notes",
    "date_signed_precision",
    "date_expires_precision",
    "date_in_force_precision",
)
#: (partner ids, entity ids, type, date signed); ids sorted, in tuples: a set per row took
#: 430 bytes more, 20 MB for a 50,000-row register
DuplicateKey = tuple[tuple[str, ...], tuple[str, ...], str, date | None]
#: the columns naming another agreement by its title → the link they set
LINKS = {"renews": "renews_id", "amends": "amends_id"}
NOT_FOUND = N_("No agreement titled “{title}” in the file or the sheet: not linked.")
AMBIGUOUS = N_("Several agreements are titled “{title}”: not linked.")
#: warnings the command line prints without --verbose: a link lost must not go unsaid
SAID_ALWAYS = frozenset({NOT_FOUND, AMBIGUOUS})


def referenced(text: str) -> tuple[str | None, str | None]:
    """ "Jumelage Lyon – Porto (LY-1991-01)" → (title, reference); (None, None) for a
    text without a last part in brackets."""
    found = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", text.strip())
    return (found.group(1), found.group(2).strip()) if found else (None, None)


#: each set of inferred fields as one tuple, shared by the rows alike (most rows infer the
#: status: a tuple a row was 2.4 MB of a 50,000-row check)
_INFERRED: dict[tuple[str, ...], tuple[str, ...]] = {}


def _shared(fields: set[str]) -> tuple[str, ...]:
    key = tuple(sorted(fields))
    return _INFERRED.setdefault(key, key)


def objective_lines(cell: object) -> list[str]:
    """The objectives a register lists in one cell, one per line ("- Échanges scolaires"
    and "• Culture" lose their bullet). A bare number is a count of objectives (an
    older export's column), never an objective."""
    lines = (line.strip().lstrip("-•*–·").strip() for line in str(cell or "").splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.isdigit()))


def _status(values: dict[str, Any], today: date) -> str:
    return status_from_dates(
        values.get("date_signed"),
        values.get("date_expires"),
        today,
        perpetual=bool(values.get("perpetual")),
    )


def compose_title(
    context: ImportContext,
    values: dict[str, Any],
    entities: list[tuple[str, str | None]],
    partners: list[tuple[str, str | None, str | None]],
) -> str:
    """ "Cooperation agreement Lyon – Porto": for a register without a title column."""
    ours = [name or _entity_name(context, entity_id) for name, entity_id in entities]
    theirs = [name for name, _partner_id, _country in partners]
    sides = " – ".join(part for part in (", ".join(filter(None, ours)), ", ".join(theirs)) if part)
    return f"{vocab.AGREEMENT_TYPES.label(values.get('type'))} {sides}".strip()[:300]


def _entity_name(context: ImportContext, entity_id: str | None) -> str:
    if entity_id is None:
        return ""
    names: dict[str, str] = context.extra.setdefault("entity_names", {})
    if entity_id not in names:
        names[entity_id] = str(
            context.session.scalar(select(LocalEntity.name).where(LocalEntity.id == entity_id))
            or ""
        )
    return names[entity_id]


class AgreementHandler:
    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        """The duplicate keys of the agreements signed on the dates the rows name (a
        state's 200,000 agreements need not all be read for a register of a few hundred)."""
        self._load_link_targets(context, rows)
        dates = sorted({row.values.get("date_signed") for row in rows}, key=str)
        found: list[tuple[str, str, date | None]] = []
        for start in range(0, len(dates), 500):
            chunk = dates[start : start + 500]
            signed = [value for value in chunk if value is not None]
            condition: ColumnElement[bool] = Agreement.date_signed.in_(signed)
            if None in chunk:
                condition = or_(condition, Agreement.date_signed.is_(None))
            found.extend(
                context.session.execute(
                    select(Agreement.id, Agreement.type, Agreement.date_signed).where(
                        Agreement.deleted_at.is_(None), condition
                    )
                ).tuples()
            )
        parties: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        ids = [agreement_id for agreement_id, _type, _signed in found]
        for start in range(0, len(ids), 500):
            for agreement_id, partner_id, entity_id in context.session.execute(
                select(
                    AgreementParty.agreement_id,
                    AgreementParty.partner_id,
                    AgreementParty.local_entity_id,
                ).where(
                    AgreementParty.deleted_at.is_(None),
                    AgreementParty.agreement_id.in_(ids[start : start + 500]),
                )
            ):
                partners, entities = parties[agreement_id]
                if partner_id:
                    partners.add(partner_id)
                if entity_id:
                    entities.add(entity_id)
        keys: dict[DuplicateKey, str] = {}
        for agreement_id, type_, when in found:
            partners, entities = parties.get(agreement_id, (set(), set()))
            key = (tuple(sorted(partners)), tuple(sorted(entities)), type_, when)
            keys.setdefault(key, agreement_id)
        context.extra["agreement_keys"] = keys

    def check(self, context: ImportContext, row: RowPreview) -> None:
        values = row.values
        row.label = str(values.get("title") or "")
        countries: list[str] = values.get("countries") or []
        if countries and not values.get("partners"):
            row.warn(N_("A country is only kept with a partner: name the partner too."))
        partner_keys: set[str] = set()
        planned_partners: list[tuple[str, str | None, str | None]] = []
        places: list[int] = values.pop("partner_places", None) or []
        names = context.split_names(values.get("partners") or "", "partners")
        for name, ambiguous, partner_id, country in context.row_partners(
            names, countries, places
        ):
            if ambiguous:
                row.error(NAMESAKES, name=name, countries=", ".join(ambiguous))
                continue
            elsewhere = context.countries_of(name)
            if partner_id is None and country is None and elsewhere:
                row.error(
                    N_(
                        "Partner “{name}” is in the file only in {found}, and the row gives "
                        "{countries}: give the partner's own country, or check the name."
                    ),
                    name=name,
                    found=", ".join(elsewhere),
                    countries=", ".join(country_name(code) for code in countries),
                )
                continue
            if partner_id is None and country is None:
                row.error(
                    N_(
                        "Partner “{name}” is not in the file yet and the row does not say "
                        "its country (give one country in the Country column)."
                    ),
                    name=name,
                )
                continue
            planned_partners.append((name, partner_id, country))
            partner_keys.add(partner_id or f"new:{name_key(name)}:{country}")
            if partner_id is None:
                row.warn_shared(context.notices, NEW_PARTNER, name=name, country=country)
        entity_keys: set[str] = set()
        planned_entities: list[tuple[str, str | None]] = []
        if "entities" in values:
            for name in context.split_names(values.get("entities") or "", "entities"):
                entity_id = context.entity_for(name)
                planned_entities.append((name, entity_id))
                entity_keys.add(entity_id or f"new:{name_key(name)}")
                if entity_id is None:
                    row.warn_shared(context.notices, NEW_ENTITY, name=name)
        elif context.own_government is not None:
            planned_entities.append(("", context.own_government))
            entity_keys.add(context.own_government)
        themes, unknown = theme_codes(values.get("themes"))
        for word in unknown:
            row.warn(N_("“{value}” is not a known theme: left out."), value=word)
        inferred: set[str] = set()
        written_type = row.as_written.get("type")
        if not values.get("type"):
            inferred.add("type")
            values["type"] = "cooperation"
            if written_type:
                row.warn(
                    N_(
                        "“{word}” is not a type Intl Desk knows: “{type}” used, and the "
                        "word kept in the notes."
                    ),
                    word=written_type,
                    type=vocab.AGREEMENT_TYPES.label("cooperation"),
                )
            else:
                row.warn(
                    N_("No type given: “{type}” assumed."),
                    type=vocab.AGREEMENT_TYPES.label("cooperation"),
                )
        written_status = row.as_written.get("status")
        if not values.get("status"):
            inferred.add("status")
            values["status"] = _status(values, date.today())
            if written_status:
                row.warn(
                    N_(
                        "“{word}” is not a status Intl Desk knows: “{status}” follows from the "
                        "dates, and the word is kept in the notes."
                    ),
                    word=written_status,
                    status=vocab.AGREEMENT_STATUSES.label(values["status"]),
                )
        kept = kept_as_written(
            AGREEMENTS, row, {"type": written_type or "", "status": written_status or ""}
        )
        if kept:
            values["notes"] = "\n".join([*filter(None, [values.get("notes")]), *kept])
        if not values.get("title"):
            values["title"] = compose_title(context, values, planned_entities, planned_partners)
            row.label = values["title"]
            if "title" in row.mapped:
                row.warn(N_("No title on this row: “{title}” composed."), title=values["title"])
        scalars = {key: values[key] for key in SCALARS if key in values}
        scalars["perpetual"] = bool(values.get("perpetual"))
        row.errors.extend(Issue(error.message) for error in errors_of_values(Agreement, scalars))
        one = context.one_of  # the preview keeps the plans of every row: equal values once
        row.plan.update(
            partners=one(tuple(one(planned) for planned in planned_partners)),
            entities=one(tuple(one(planned) for planned in planned_entities)),
            themes=one(tuple(themes)),
            sdgs=one(tuple(values.get("sdgs") or ())),
            objectives=one(tuple(one(text) for text in objective_lines(values.get("objectives")))),
            inferred=_shared(inferred),
        )
        if row.errors:
            return
        self._plan_links(context, row)
        key: DuplicateKey = (
            tuple(sorted(partner_keys)),
            tuple(sorted(entity_keys)),
            values["type"],
            values.get("date_signed"),
        )
        keys: dict[DuplicateKey, str] = context.extra["agreement_keys"]
        if key in keys:
            row.duplicate_of = keys[key]
        else:
            keys[key] = f"row:{row.number}"

    def _load_link_targets(self, context: ImportContext, rows: list[RowPreview]) -> None:
        """The agreements a "Renews" or "Amends" cell may name, of the file and of the
        sheet, by title and by reference ("Jumelage Lyon – Porto (LY-1991-01)": our
        export adds the reference, since a renewal often keeps the title it renews)."""
        cells = {str(row.values[key]) for row in rows for key in LINKS if row.values.get(key)}
        titles = cells | {title for title, _ref in map(referenced, cells) if title}
        references = {ref for _title, ref in map(referenced, cells) if ref}
        targets: dict[str, list[str]] = defaultdict(list)
        by_reference: dict[tuple[str, str], list[str]] = defaultdict(list)
        if titles:
            found = context.session.execute(
                select(Agreement.id, Agreement.title, Agreement.reference).where(
                    Agreement.deleted_at.is_(None), Agreement.title.in_(sorted(titles))
                )
            )
            for agreement_id, title, reference in found:
                targets[name_key(title)].append(agreement_id)
                if reference in references:
                    by_reference[(name_key(title), reference)].append(agreement_id)
            for row in rows:
                title, reference = row.values.get("title"), row.values.get("reference")
                if title and str(title) in titles:
                    targets[name_key(str(title))].append(f"row:{row.number}")
                    if reference and str(reference) in references:
                        by_reference[(name_key(str(title)), str(reference))].append(
                            f"row:{row.number}"
                        )
        context.extra["link_targets"] = targets
        context.extra["link_references"] = by_reference

    def _plan_links(self, context: ImportContext, row: RowPreview) -> None:
        """Which agreement each "Renews"/"Amends" cell names; one it cannot tell is said
        and left unlinked, never guessed."""
        targets: dict[str, list[str]] = context.extra.get("link_targets", {})
        by_reference: dict[tuple[str, str], list[str]] = context.extra.get("link_references", {})
        links: dict[str, str] = {}
        for key, column in LINKS.items():
            text = row.values.get(key)
            if not text:
                continue
            own = f"row:{row.number}"
            found = [t for t in targets.get(name_key(str(text)), []) if t != own]
            title, reference = referenced(str(text))
            if len(found) != 1 and title and reference:
                found = [
                    t for t in by_reference.get((name_key(title), reference), []) if t != own
                ]
            if len(found) == 1:
                links[column] = found[0]
            elif not found:
                row.warn(NOT_FOUND, title=text)
            else:
                row.warn(AMBIGUOUS, title=text)
        if links:
            row.plan["agreement_links"] = links

    def checked(self, context: ImportContext) -> None:
        """Every row checked: the duplicate keys (20 MB for 50,000 rows) and the titles the
        links may name (4 MB for a state's 20,000 rows) are not needed to write them."""
        for needed_by_the_check_only in ("agreement_keys", "link_targets", "link_references"):
            context.extra.pop(needed_by_the_check_only, None)

    def writes_early(
        self, context: ImportContext, rows: list[RowPreview], on_duplicate: OnDuplicate
    ) -> bool:
        """Whether the rows may be written batch by batch as they are queued: none updates
        a row queued before it (a row typed twice, with "update" chosen). The queued rows
        are then not kept for later rows.

        A renewal or amendment links to its agreement as it is queued: the agreement's id
        is drawn beforehand when it is a row of the sheet. A row linking to a row further
        down (a register listing the newest first: 6,335 of the state demo's 20,161 rows)
        waits for the end, with the rows linking to it, so that every row is inserted
        after the one it names. Before, one such link kept every row of the register
        queued until the end (335 MiB for the state's register)."""
        if any(
            on_duplicate == "update"
            and row.duplicate_of is not None
            and row.duplicate_of.startswith("row:")
            for row in rows
            if not row.errors
        ):
            context.extra["written_early"] = False
            return False
        new = {f"row:{row.number}": row.number for row in rows if row.status == "new"}
        ids: dict[str, str] = {}
        targets: dict[int, list[int]] = {}  # row → the rows of the sheet it links to
        for row in rows:
            links = row.plan.get("agreement_links") if row.status == "new" else None
            for target in (links or {}).values():
                if target in new:
                    ids.setdefault(target, fast_uuid())
                    targets.setdefault(row.number, []).append(new[target])
        waiting = {number for number, named in targets.items() if max(named) > number}
        while True:  # a row naming a waiting row waits too
            more = {n for n, named in targets.items() if n not in waiting and waiting & set(named)}
            if not more:
                break
            waiting |= more
        context.extra.update(written_early=True, row_ids=ids, waiting=waiting)
        return True

    def finish(self, context: ImportContext) -> None:
        """Write the rows that waited for the end; link the agreements created to those
        they renew or amend, once all exist (when the rows were not written early)."""
        from intl_desk.exchange.import_write import WRITE_BATCH

        ids: dict[str, str] = context.extra.get("row_ids", {})
        waiting, in_order = _targets_first(context.extra.pop("waiting_rows", []))
        for done, row in enumerate(waiting, 1):
            self._create(context, row, ids[f"row:{row.number}"])
            if in_order and done % WRITE_BATCH == 0:  # what they name is written before
                context.writer.flush()
        for record, links in context.extra.get("pending_links", []):
            for column, target in links.items():
                if target.startswith("row:"):
                    created = context.created.get(target)
                    if created is None:  # that row was rejected or skipped
                        continue
                    target = str(created["id"])
                record[column] = target

    def create(self, context: ImportContext, row: RowPreview) -> str:
        extra = context.extra
        if not extra.get("written_early"):
            return self._create(context, row, None)
        key = f"row:{row.number}"
        if row.number in extra["waiting"]:  # written at the end, under the id drawn now
            extra.setdefault("waiting_rows", []).append(row)
            return extra["row_ids"].setdefault(key, fast_uuid())
        return self._create(context, row, extra["row_ids"].get(key))

    def _create(self, context: ImportContext, row: RowPreview, given_id: str | None) -> str:
        values = row.values
        writer = context.writer
        scalars = {key: values[key] for key in SCALARS if key in values}
        if given_id is not None:
            scalars["id"] = given_id
        record = writer.add(Agreement, scalars)
        links = row.plan.get("agreement_links")
        if links and context.extra.get("written_early"):
            ids: dict[str, str] = context.extra["row_ids"]
            for column, target in links.items():
                # a row of the sheet that is not written (refused, skipped) is not linked
                linked = ids.get(target) if target.startswith("row:") else target
                if linked is not None:
                    record[column] = linked
        elif links:
            context.extra.setdefault("pending_links", []).append((record, links))
        record["perpetual"] = bool(values.get("perpetual"))
        agreement_id = str(record["id"])
        for name, partner_id, country in row.plan["partners"]:
            writer.add(
                AgreementParty,
                {
                    "agreement_id": agreement_id,
                    "partner_id": partner_id or context.new_partner_id(name, country),
                },
            )
        for name, entity_id in row.plan["entities"]:
            writer.add(
                AgreementParty,
                {
                    "agreement_id": agreement_id,
                    "local_entity_id": entity_id or context.entity_id(name),
                },
            )
        early = bool(context.extra.get("written_early"))
        # written early, no later row changes it: what it holds need not be remembered
        self._links(context, agreement_id, row, set(), set(), remember=not early)
        if not early:  # a later row may change it
            context.created[f"row:{row.number}"] = record
        return agreement_id

    def _links(
        self,
        context: ImportContext,
        agreement_id: str,
        row: RowPreview,
        themes: set[str],
        sdgs: set[int],
        objectives: Sequence[str] = (),
        *,
        remember: bool = True,
    ) -> bool:
        """Queue the row's objectives, themes and SDGs the agreement does not hold yet.
        ``remember``: keep what it holds for later rows of the sheet (a row repeating an
        earlier one); without, the row's own are only kept from repeating themselves (a
        state's register of agreements written early kept 9 MiB of sets otherwise)."""
        plan = row.plan
        if not (plan["objectives"] or plan["themes"] or plan["sdgs"]):
            return False  # nothing to queue, nothing to remember (3 sets a row otherwise)
        added = False
        # an agreement's objectives so far (those in the file, those queued by earlier rows)
        every: dict[str, set[str]] = context.extra.setdefault("objective_keys", {})
        known = {name_key(text) for text in objectives}
        if remember:
            known = every.setdefault(agreement_id, known)
        for text in row.plan["objectives"]:
            if name_key(text) not in known:
                known.add(name_key(text))
                context.writer.add(
                    AgreementObjective,
                    {"agreement_id": agreement_id, "position": len(known) - 1, "text": text},
                )
                added = True
        # themes and SDGs so far, the same way: a row repeating an earlier row of the sheet
        # must not queue its theme a second time (the file holds each once)
        theme_keys: dict[str, set[str]] = context.extra.setdefault("theme_keys", {})
        known_themes = set(themes)
        if remember:
            known_themes = theme_keys.setdefault(agreement_id, known_themes)
        for code in row.plan["themes"]:
            if code not in known_themes:
                known_themes.add(code)
                context.writer.add(AgreementTheme, {"agreement_id": agreement_id, "theme": code})
                added = True
        sdg_keys: dict[str, set[int]] = context.extra.setdefault("sdg_keys", {})
        known_sdgs = set(sdgs)
        if remember:
            known_sdgs = sdg_keys.setdefault(agreement_id, known_sdgs)
        for number in row.plan["sdgs"]:
            if number not in known_sdgs:
                known_sdgs.add(number)
                context.writer.add(AgreementSdg, {"agreement_id": agreement_id, "sdg": number})
                added = True
        return added

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = False
        if record_id.startswith("row:"):  # a duplicate of an earlier row of this sheet
            queued: dict[str, Any] = context.created[record_id]
            for key in SCALARS:
                value = row.values.get(key)
                if (
                    key not in row.plan["inferred"]
                    and value is not None
                    and (queued.get(key) != value)
                ):
                    queued[key] = value
                    changed = True
            return self._links(context, str(queued["id"]), row, set(), set()) or changed
        agreement = context.session.get(Agreement, record_id)
        assert agreement is not None
        for key in SCALARS:
            value = row.values.get(key)
            if key in row.plan["inferred"]:
                continue
            if value is not None and getattr(agreement, key) != value:
                setattr(agreement, key, value)
                changed = True
        themes = {theme.theme for theme in agreement.themes}
        sdgs = {sdg.sdg for sdg in agreement.sdgs}
        objectives = [o.text for o in agreement.objectives if o.deleted_at is None]
        return self._links(context, agreement.id, row, themes, sdgs, objectives) or changed


def _targets_first(rows: list[RowPreview]) -> tuple[list[RowPreview], bool]:
    """The rows that waited, each after the rows of them it names (renews, amends), and
    whether that order holds: then they are written batch by batch, not all at the end
    (the state's register kept 12,700 of them queued, with their parties, objectives,
    themes and SDGs: 20 MiB). Rows naming each other in a loop keep the order they came
    in and are written together, as before."""
    by_number = {row.number: row for row in rows}
    named = TopologicalSorter(
        {
            row.number: [
                int(target[4:])
                for target in (row.plan.get("agreement_links") or {}).values()
                if target.startswith("row:") and int(target[4:]) in by_number
            ]
            for row in rows
        }
    )
    try:
        return [by_number[number] for number in named.static_order()], True
    except CycleError:
        return rows, False
