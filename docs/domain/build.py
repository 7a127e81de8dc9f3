#!/usr/bin/env python3
"""Writes the as-built pages of docs/domain/ from the reference (reference/DOMAIN.md, reference/DOMAIN-ERRATA.md)
and the code (the kernel's sealed command and event interfaces, the rule ids the services enforce).

Run it after adding a command, an event or a rule:  python3 docs/domain/build.py
DomainDocsTest (shared-kernel) fails when the pages and the code disagree, so a stale page cannot land.
"""
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DOMAIN = (HERE / 'reference' / 'DOMAIN.md').read_text(encoding='utf-8')
ERRATA = (HERE / 'reference' / 'DOMAIN-ERRATA.md').read_text(encoding='utf-8')
KERNEL = ROOT / 'shared-kernel' / 'src' / 'main' / 'java' / 'org' / 'campaignledger' / 'kernel'
MAIN_SOURCES = [ROOT / m / 'src' / 'main' / 'java' for m in ('shared-kernel', 'shared-web', 'command-service',
                                                             'query-service', 'infra')]
RULE_ID = re.compile(r'R-[A-Z]+-[0-9A-Z]+(?:-[A-Z0-9]+)*[a-z]?')

# Stage pages: (file, title, why this grouping, [(DOMAIN section, aggregate, kernel package, command root, event root)])
STAGES = [
    ('stage-0-reference-data.md', 'Reference data and the campaign set-up',
     'Before any unit starts: the organisation tree and its people, the campaign and its batches, each '
     'jurisdiction\'s rollout (leading group, campaign office, tiers) and the supervision groups.',
     [('4.1', 'OrgUnit', 'organisation', 'OrgUnitCommand', 'OrgUnitEvent'),
      ('4.1', 'Person', 'person', 'PersonCommand', 'PersonEvent'),
      ('4.2', 'Campaign', 'campaign', 'CampaignCommand', 'CampaignEvent'),
      ('4.3', 'JurisdictionRollout', 'rollout', 'RolloutCommand', 'RolloutEvent'),
      ('4.4', 'SupervisionGroup', 'supervision', 'SupervisionGroupCommand', 'SupervisionGroupEvent')]),
    ('stage-1-study-and-opinions.md', 'A unit\'s journey, and Stage 1: study and hearing opinions',
     'The participation carries a unit through preparation and the three stages; Stage 1 collects opinions '
     'through every channel; plans, circulars and reports go through their review as documents.',
     [('4.5', 'UnitParticipation', 'participation', 'ParticipationCommand', 'ParticipationEvent'),
      ('4.6', 'Opinion', 'opinion', 'OpinionCommand', 'OpinionEvent'),
      ('4.11', 'ReviewableDocument', 'document', 'DocumentCommand', 'DocumentEvent')]),
    ('stage-2-finding-problems.md', 'Stage 2: finding problems and criticism',
     'Problems, heart-to-heart talks, criticism outlines, self-examination materials and their review chains, '
     'the special meetings, public evaluation and the look-back review.',
     [('4.7', 'Problem', 'problem', 'ProblemCommand', 'ProblemEvent'),
      ('4.8', 'Talk', 'talk', 'TalkCommand', 'TalkEvent'),
      ('4.9', 'CriticismOutline', 'criticism', 'CriticismOutlineCommand', 'CriticismOutlineEvent'),
      ('4.10', 'Material', 'material', 'MaterialCommand', 'MaterialEvent'),
      ('4.12', 'Meeting', 'meeting', 'MeetingCommand', 'MeetingEvent'),
      ('4.13', 'PublicEvaluation', 'evaluation', 'PublicEvaluationCommand', 'PublicEvaluationEvent'),
      ('4.14', 'LookBackReview', 'lookback', 'LookBackCommand', 'LookBackEvent')]),
    ('stage-3-rectification.md', 'Stage 3: rectification and rule-making',
     'Rectification plans and the ledger of their items, special rectification campaigns, and the rule register.',
     [('4.15', 'RectificationPlan', 'rectification', 'RectificationPlanCommand', 'RectificationPlanEvent'),
      ('4.16', 'RectificationItem', 'rectification', 'RectificationItemCommand', 'RectificationItemEvent'),
      ('4.17', 'SpecialRectification', 'special', 'SpecialRectificationCommand', 'SpecialRectificationEvent'),
      ('4.18', 'Rule', 'rule', 'RuleCommand', 'RuleEvent')]),
]

# Rule ids the platform itself uses: no DOMAIN rule names these rejections (PlatformRules and the access layer).
PLATFORM_RULES = [
    ('R-API-STATE', 'The command is not allowed in the aggregate\'s current state (every state machine of §4).'),
    ('R-API-EXISTS', 'The aggregate to create exists already.'),
    ('R-API-NOT-FOUND', 'The aggregate, or one the command refers to, does not exist.'),
    ('R-API-VERSION', 'The expected version does not match, or another writer won the race (§3.7).'),
    ('R-API-VALIDATION', 'A field is missing, malformed, of the wrong type or unknown (§3.7).'),
    ('R-API-IDEMPOTENCY', 'A command id was reused for a different command (§3.7).'),
    ('R-API-FORBIDDEN', 'The actor holds no role that may send this command or read this endpoint (§7).'),
    ('R-API-RATE-LIMIT', 'Too many public submissions from one client (ADR 0013).'),
    ('R-API-TOO-LARGE', 'The request body is over the configured limit.'),
    ('R-API-TOKEN-EXPIRED', 'A public form token has expired (ADR 0013).'),
    ('R-API-TOKEN-UNKNOWN', 'A public form token was never issued (ADR 0013).'),
    ('R-API-TOKEN-USED', 'A public form token has been used already (ADR 0013).'),
    ('R-INT-CHAIN', 'The aggregate\'s stored hash chain does not verify (§3.2, docs/hash-chain.md): nothing is '
                    'appended to a history altered outside the system.'),
]


def code_rule_ids():
    ids = set()
    for src in MAIN_SOURCES:
        for path in src.rglob('*.java'):
            ids.update(RULE_ID.findall(path.read_text(encoding='utf-8')))
    return ids


def rule_blocks():
    """Each rule bullet of DOMAIN: id -> its section and its full text with the quotes."""
    blocks, section, current = {}, None, None
    for line in DOMAIN.splitlines():
        heading = re.match(r'#{2,4} (\d+(?:\.\d+)*)', line)
        if heading:
            section, current = heading.group(1), None
            continue
        bullet = re.match(r'- \*\*(R-[A-Z]+-[0-9A-Z]+[a-z]?)\b[^*]*\*\*\s*(.*)', line)
        if bullet:
            current = bullet.group(1)
            blocks[current] = {'section': section, 'lines': [bullet.group(2)]}
        elif current and line.startswith('  '):
            blocks[current]['lines'].append(line.strip().lstrip('- '))
        elif not line.strip() or line.startswith('- ') or line.startswith('#') or line.startswith('|'):
            current = None
    return blocks


def index_summaries():
    rows = {}
    for m in re.finditer(r'^\| (R-[A-Z]+-[0-9A-Z]+[a-z]?) \| ([^|]+) \| ([^|]+) \| (.+) \|$', DOMAIN, re.M):
        rows[m.group(1)] = (m.group(2).strip(), m.group(3).strip(), m.group(4).strip())
    return rows


def errata_rules(blocks, summaries):
    """Rules the errata add (R-TLK-10, R-MTG-06b …): filed under the section of their family's first rule."""
    entry = None
    for line in ERRATA.splitlines():
        head = re.match(r'### ([BIM]\d+)\. ', line)
        if head:
            entry = head.group(1)
        rule = re.match(r'\s*> \*\*(R-[A-Z]+-[0-9A-Z]+[a-z]?) ([^\[*]*?)\s*\[([^\]]+)\]\*\*\s*(.*)', line)
        if rule and rule.group(1) not in summaries:
            rid = rule.group(1)
            family = rid.rsplit('-', 1)[0] + '-'
            sibling = next((r for r in blocks if r.startswith(family) and r not in summaries_added), None)
            blocks[rid] = {'section': blocks[sibling]['section'] if sibling else None, 'lines': [rule.group(4)]}
            summaries[rid] = (rule.group(2).strip() or 'INFO', rule.group(3).replace('+', ' '),
                              f'{rule.group(4)} *(added by errata {entry})*')
            summaries_added.add(rid)


summaries_added = set()


def errata_mentions():
    """Rule id -> the errata entries (B1, I12 …) that amend it."""
    mentions, entry = {}, None
    for line in ERRATA.splitlines():
        head = re.match(r'### ([BIM]\d+)\. ', line)
        if head:
            entry = head.group(1)
            continue
        if entry:
            for rid in RULE_ID.findall(line):
                mentions.setdefault(rid, set()).add(entry)
    return mentions


def records(kernel_package, interface):
    path = KERNEL / kernel_package / (interface + '.java')
    if not path.exists():
        return None
    text = path.read_text(encoding='utf-8')
    return re.findall(r'^\s{4}record (\w+)\(', text, re.M)


def sources(text):
    return re.findall(r'(\d{3}_[0-9a-f]{16}\.txt)\s*「([^」]*)」', text)


def section_title(number):
    m = re.search(r'^#{2,4} ' + re.escape(number) + r' (.+)$', DOMAIN, re.M)
    return m.group(1) if m else ''


def rules_of(section, blocks):
    return [rid for rid, b in blocks.items() if b['section'] == section
            or (b['section'] or '').startswith(section + '.')]


def rule_table(rule_ids, blocks, summaries, errata, enforced):
    out = ['| Rule | Strength | Provenance | In code | Rule in one line (DOMAIN index) | Source passage |',
           '|---|---|---|---|---|---|']
    for rid in rule_ids:
        block = blocks[rid]
        text = ' '.join(block['lines'])
        strength, provenance, summary = summaries[rid]
        passages = '<br>'.join(f'`{f[:3]}` 「{q}」' for f, q in sources(text)) or '—'
        amended = ', '.join(sorted(errata.get(rid, ())))
        status = 'yes' if rid in enforced else 'not yet'
        line = summary
        if amended and 'added by errata' not in line:
            line += f' *(amended by errata {amended})*'
        out.append(f'| {rid} | {strength} | {provenance} | {status} | {line} | {passages} |')
    return out


def stage_page(file, title, why, aggregates, blocks, summaries, errata, enforced):
    out = [f'# {title}', '', why, '',
           'Generated by `docs/domain/build.py` from `reference/DOMAIN.md`, `reference/DOMAIN-ERRATA.md` and the '
           'code; checked by `DomainDocsTest`. "In code" says whether a main class names the rule id. '
           'The binding text of every rule is in the reference section named in each heading.', '']
    seen_sections = set()
    for section, aggregate, package, command_root, event_root in aggregates:
        commands = records(package, command_root)
        events = records(package, event_root)
        built = commands is not None
        out.append(f'## {aggregate} (DOMAIN §{section}: {section_title(section)})')
        out.append('')
        if built:
            out.append(f'Built: commands in `shared-kernel` `kernel/{package}/{command_root}.java`, events in '
                       f'`{event_root}.java`; the aggregate in `command-service` `{package}/domain/`.')
            out.append('')
            out.append('Commands: ' + ', '.join(f'`{c}`' for c in commands) + '.')
            out.append('')
            out.append('Events: ' + ', '.join(f'`{e}`' for e in events) + '.')
        else:
            out.append('Not built yet: no command or event of this aggregate exists in the code.')
        out.append('')
        if section not in seen_sections:
            seen_sections.add(section)
            ids = rules_of(section, blocks)
            if ids:
                out.extend(rule_table(ids, blocks, summaries, errata, enforced))
                out.append('')
    return '\n'.join(out) + '\n'


def cross_cutting_page(blocks, summaries, errata, enforced):
    covered = {s for _, _, _, aggs in STAGES for s, *_ in aggs}
    other = [rid for rid, b in blocks.items()
             if not any(b['section'] == s or (b['section'] or '').startswith(s + '.') for s in covered)]
    out = ['# Rules across aggregates, sagas and the platform', '',
           'Rules that DOMAIN states outside one aggregate\'s section (sagas §4.19, general rules), and the rule '
           'ids of the platform itself. Generated by `docs/domain/build.py`; checked by `DomainDocsTest`.', '',
           '## Rules outside one aggregate', '']
    out.extend(rule_table(other, blocks, summaries, errata, enforced))
    out += ['', '## Platform rule ids', '',
            'No DOMAIN rule names these rejections; both services answer them in the same problem shape.', '',
            '| Rule | In code | Meaning |', '|---|---|---|']
    for rid, meaning in PLATFORM_RULES:
        out.append(f'| {rid} | {"yes" if rid in enforced else "not yet"} | {meaning} |')
    return '\n'.join(out) + '\n'


def main():
    blocks, summaries, errata, enforced = rule_blocks(), index_summaries(), errata_mentions(), code_rule_ids()
    errata_rules(blocks, summaries)
    for file, title, why, aggregates in STAGES:
        (HERE / file).write_text(stage_page(file, title, why, aggregates, blocks, summaries, errata, enforced),
                                 encoding='utf-8')
    (HERE / 'cross-cutting.md').write_text(cross_cutting_page(blocks, summaries, errata, enforced),
                                           encoding='utf-8')


if __name__ == '__main__':
    main()
