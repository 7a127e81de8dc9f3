package org.campaignledger.infra.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.campaignledger.infra.auth.DemoAccounts;

/**
 * The KENLI_DEMO county of DOMAIN §8, Stage 1: the organisation tree of §8.2, its rosters, the campaign and the
 * county's rollout with its supervision and guidance groups, the 18,969 pre-campaign opinions of §8.4, the 729
 * participations through preparation (their implementation plans reviewed by their groups) into Stage 1 on the
 * tier dates of §8.3, the ≈6,000 opinions received during Stage 1, and the §8.4 anomalies that fall in Stage 1.
 * Built once from a seed; the same seed and scale always give the same commands.
 */
public final class DemoCounty {
    public static final String CAMPAIGN = "kd-mlc";
    public static final String PROVINCE = "kd-prov";
    public static final String CITY = "kd-city";
    public static final String COUNTY = "kd-county";
    static final int BATCH = 2;
    static final int FULL_OPINIONS = 18_969;
    static final int STAGE1_OPINIONS = 6_000;
    /** §8.4 "Exceptions": about 3% of stage starts break the stagger and use a policy exception. */
    private static final int EXCEPTION_PERCENT = 3;
    /** Reviews and grants act as the person of the account that signs them, so these accounts send them. */
    private static final String REVIEWER_ACCOUNT = "sg-member";
    private static final String APPROVER_ACCOUNT = "office-approver";
    private static final String REVIEWER = personOf(REVIEWER_ACCOUNT);
    private static final String OFFICE_APPROVER = personOf(APPROVER_ACCOUNT);
    /**
     * The demo accounts whose roles the domain gives (DOMAIN §7, docs/adr/0010) get them in the county: the first
     * township's secretary, office head (its second roster seat, who heads its leading-group office) and a
     * leadership member, a party member of its branch, a staff member of the county office, and the leader of the
     * township's supervision group. The SG reviewer and the office approver are above; review-chain and token-only
     * roles need no seat.
     */
    private static final List<String> DEMO_TOWN_ROSTER = List.of(personOf("unit-secretary"),
            personOf("unit-office-staff"), personOf("leadership-member"));

    private static final LocalDate ROSTER_FROM = LocalDate.of(2013, 1, 1);
    private static final LocalDate SURVEY_FROM = LocalDate.of(2013, 12, 1);
    private static final LocalDate SURVEY_TO = LocalDate.of(2014, 2, 27);
    private static final LocalDate[] SURVEY = {SURVEY_FROM, SURVEY_TO};
    private static final LocalDate MOBILISATION = LocalDate.of(2014, 2, 28);
    private static final LocalDate SG_FORMED = LocalDate.of(2014, 2, 25);

    /** §8.3: Stage 1 starts of the three tiers, and each tier's stage windows (R-RLO-03: 15 ± 5 days apart). */
    private static final Map<Integer, List<LocalDate[]>> TIER_WINDOWS = Map.of(
            1, List.of(window("2014-03-03", "2014-04-30"), window("2014-05-01", "2014-06-30"),
                    window("2014-07-01", "2014-09-10")),
            2, List.of(window("2014-03-18", "2014-05-15"), window("2014-05-16", "2014-07-15"),
                    window("2014-07-16", "2014-09-20")),
            3, List.of(window("2014-04-02", "2014-05-31"), window("2014-06-01", "2014-07-31"),
                    window("2014-08-01", "2014-09-30")));

    /** DOMAIN §1.3 focus problems by unit type (kernel UnitType); types without codes get none. */
    private static final Map<String, List<String>> FOCUS_CODES = Map.of(
            "LEADING_BODY", codes("LB", 7), "DIRECT_UNIT", codes("DU", 5), "ENFORCEMENT_OR_WINDOW", codes("EW", 4),
            "TOWNSHIP_STREET", codes("TS", 5), "VILLAGE_COMMUNITY", codes("VC", 4), "SCHOOL", codes("SC", 2),
            "MEDICAL", codes("MD", 3), "SOE", codes("SE", 5));

    /** §8.4 channel shares (percent); "other" is spread over the channels §8.4 does not name. */
    private static final Weighted<String> CHANNELS = new Weighted<String>()
            .add("CADRE_VILLAGE_VISIT", 40).add("HOME_VISIT", 10).add("SYMPOSIUM", 12).add("QUESTIONNAIRE", 12)
            .add("HOTLINE", 6).add("ONLINE_PLATFORM", 5).add("SUGGESTION_BOX", 4).add("LETTERS_AND_VISITS", 4)
            .add("ENTERPRISE_LIAISON", 3).add("TALK", 2).add("SOLICITATION_LETTER", 1).add("OTHER", 1);
    private static final List<String> OTHER_CHANNELS =
            List.of("RESEARCH_VISIT", "FACE_TO_FACE_CONSULTATION", "OPEN_DAY", "SPECIAL_SURVEY");
    /** §8.4 families, with FOUR_WINDS split by wind (10/16/7/5 of the 38). */
    private static final Weighted<String[]> FAMILIES = new Weighted<String[]>()
            .add(new String[] {"FOUR_WINDS", "FORMALISM"}, 10).add(new String[] {"FOUR_WINDS", "BUREAUCRATISM"}, 16)
            .add(new String[] {"FOUR_WINDS", "HEDONISM"}, 7).add(new String[] {"FOUR_WINDS", "EXTRAVAGANCE"}, 5)
            .add(new String[] {"VITAL_INTERESTS", null}, 34).add(new String[] {"DOORSTEP_MALPRACTICE", null}, 10)
            .add(new String[] {"LAST_MILE", null}, 12).add(new String[] {"OTHER", null}, 6);
    private static final List<String> TOPICS = List.of("EDUCATION", "EMPLOYMENT", "SOCIAL_SECURITY", "MEDICAL",
            "HOUSING", "ENVIRONMENT", "FOOD_DRUG_SAFETY", "WORK_SAFETY", "PUBLIC_ORDER", "LAW_ENFORCEMENT_JUSTICE",
            "LAND_EXPROPRIATION", "HARDSHIP_GROUPS", "COMPETING_FOR_PROFIT");
    /** Priority 35% (§8.4) is the share of work and service objects (R-OPN-08). */
    private static final Weighted<String> SUBMITTERS = new Weighted<String>()
            .add("SERVICE_OBJECT", 20).add("WORK_OBJECT", 15).add("RESIDENT", 25).add("PARTY_MEMBER", 14)
            .add("CADRE", 10).add("ENTERPRISE", 6).add("DEPUTY_OR_CPPCC_MEMBER", 4).add("UNKNOWN", 6);
    private static final List<String> EXPLANATIONS =
            List.of("LONG_TERM", "NOT_FEASIBLE", "POLICY_CONSTRAINT", "MISUNDERSTANDING", "OUT_OF_SCOPE");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "sa", "tov", "ul", "ve", "zi", "dar", "nel",
            "ori", "pim", "qua", "bes", "fon", "gil", "hax", "jor", "wen"};

    /** A block of §8.2: one kind of participating unit, its internal branches, members and roster sizes. */
    record Block(String code, String label, String unitType, String level, String partyOrgKind, int units,
                 int branchesPerUnit, int members, int rosterMin, int rosterMean, int rosterMax, int tier) {
    }

    static final List<Block> BLOCKS = List.of(
            new Block("b1", "County department", "DIRECT_UNIT", "COUNTY", "PARTY_GROUP", 48, 2, 2160, 3, 5, 9, 1),
            new Block("b2", "Enforcement or service window", "ENFORCEMENT_OR_WINDOW", "COUNTY", "PARTY_GROUP", 18, 2,
                    810, 3, 5, 9, 1),
            new Block("b3", "County enterprise", "SOE", "COUNTY", "COMMITTEE", 6, 2, 270, 3, 5, 7, 1),
            new Block("cs", "County school", "SCHOOL", "COUNTY", "COMMITTEE", 12, 2, 528, 3, 5, 7, 1),
            new Block("cm", "County hospital", "MEDICAL", "COUNTY", "COMMITTEE", 3, 2, 132, 3, 5, 7, 1),
            new Block("dt", "Town", "TOWNSHIP_STREET", "TOWNSHIP", "COMMITTEE", 5, 3, 275, 11, 13, 15, 2),
            new Block("ds", "Street", "TOWNSHIP_STREET", "TOWNSHIP", "COMMITTEE", 2, 3, 110, 11, 13, 15, 2),
            new Block("e", "Village", "VILLAGE_COMMUNITY", "VILLAGE", "GENERAL_BRANCH", 330, 0, 7260, 3, 4, 5, 3),
            new Block("f", "Community", "VILLAGE_COMMUNITY", "VILLAGE", "GENERAL_BRANCH", 30, 0, 840, 3, 4, 5, 3),
            new Block("gs", "Township school", "SCHOOL", "TOWNSHIP", "BRANCH", 40, 0, 633, 3, 3, 3, 3),
            new Block("gm", "Township health centre", "MEDICAL", "TOWNSHIP", "BRANCH", 8, 0, 127, 3, 3, 3, 3),
            new Block("h", "Non-public organisation", "NON_PUBLIC_OR_SOCIAL", "TOWNSHIP", "BRANCH", 175, 0, 1350,
                    3, 3, 3, 3),
            new Block("i", "Grassroots branch", "OTHER_GRASSROOTS", "TOWNSHIP", "BRANCH", 48, 0, 1705, 3, 3, 3, 3));

    /**
     * The four county bodies of block A: the party committee and three party groups. The committee is a unit of
     * its own under the county's jurisdiction unit (which holds the rollout): a rollout and a participation of
     * one unit would both be {@code campaign:batch:unit} and collide in the event store.
     */
    static final String COUNTY_COMMITTEE = "kd-a-sc";
    private static final List<String[]> COUNTY_BODIES = List.of(
            new String[] {COUNTY_COMMITTEE, "Demo County Party Committee", "COMMITTEE", "11"},
            new String[] {"kd-a-npc", "Demo County People's Congress Party Group", "PARTY_GROUP", "6"},
            new String[] {"kd-a-gov", "Demo County Government Party Group", "PARTY_GROUP", "9"},
            new String[] {"kd-a-cppcc", "Demo County Political Consultative Party Group", "PARTY_GROUP", "6"});

    record Unit(String id, String unitType, String level, String partyOrgKind, String parentId, int tier,
                boolean participates, String block, List<String> roster, int members) {
    }

    /**
     * What the plan sends. Opinions: {@code opinions} = pre-campaign + Stage 1, {@code duplicates} over both; the
     * routed, explained, escalated and referred ones are Stage-1 opinions. Anomalies: stagger exceptions (each with
     * one start refused as R-UNP-08 first) and weak-and-lax villages (each with one start refused as R-UNP-05).
     */
    public record Totals(int unitsUnderCounty, int partyOrganisations, int countyBodies, int participations,
                         int dlmParticipations, int dlmLeaders, int rosterAppointments, int persons, int partyMembers,
                         int opinions, int preCampaignOpinions, int stage1Opinions, int duplicates, int routed,
                         int explained, int escalated, int referred, int supervisionGroups, int guidanceGroups,
                         int guidedUnits, int plansApproved, int staggerExceptions, int weakAndLax,
                         int expectedRejections, int commands) {
    }

    private final double scale;
    private final boolean registerMembers;
    private final SplittableRandom rng;
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, List<Unit>> byBlock = new LinkedHashMap<>();
    private final List<Phase> phases = new ArrayList<>();
    /** Parents before children: one phase per depth of the tree. */
    private final Map<String, Integer> depths = new HashMap<>();
    private final Map<Integer, Phase> treeByDepth = new TreeMap<>();
    private final Map<String, String> sgOf = new HashMap<>();
    private final Map<String, String> sgLeader = new HashMap<>();
    private final Set<String> registered = new HashSet<>();
    private String demoTown;
    /** Each participating unit's Stage-1 start: its tier's date, or earlier under a stagger exception. */
    private final Map<String, LocalDate> stage1Starts = new HashMap<>();
    private final Set<String> earlyStarters = new HashSet<>();
    /** Opinions per unit that a later one may duplicate. */
    private final Map<String, List<String>> originals = new HashMap<>();
    private int personCount;
    private int duplicates;
    private int preCampaignOpinions;
    private int stage1Opinions;
    private int routed;
    private int explained;
    private int escalated;
    private int referred;
    private int guidanceGroups;
    private int guidedUnits;
    private int approvedPlans;

    DemoCounty(long seed, double scale, boolean registerMembers) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1]");
        }
        this.scale = scale;
        this.registerMembers = registerMembers;
        this.rng = new SplittableRandom(seed);
        build();
    }

    List<Phase> phases() {
        return phases;
    }

    Totals totals() {
        int underCounty = (int) units.values().stream().filter(u -> !u.id().equals(COUNTY)
                && !u.id().equals(CITY) && !u.id().equals(PROVINCE)).count();
        int bodies = COUNTY_BODIES.size();
        List<Unit> participating = units.values().stream().filter(Unit::participates).toList();
        int dlm = (int) participating.stream().filter(DemoCounty::isDlm).count();
        int rosters = units.values().stream().mapToInt(u -> u.roster().size()).sum();
        int members = units.values().stream().mapToInt(Unit::members).sum();
        int leaders = participating.stream().filter(DemoCounty::isDlm).mapToInt(u -> u.roster().size()).sum();
        int weak = (int) participating.stream().filter(this::isWeakAndLax).count();
        return new Totals(underCounty, underCounty - bodies, bodies, participating.size(), dlm, leaders, rosters,
                personCount, members, preCampaignOpinions + stage1Opinions, preCampaignOpinions, stage1Opinions,
                duplicates, routed, explained, escalated, referred, sgLeader.size() - guidanceGroups, guidanceGroups,
                guidedUnits, approvedPlans, earlyStarters.size(), weak,
                (int) phases.stream().mapToLong(Phase::expectedRejections).sum(),
                phases.stream().mapToInt(Phase::size).sum());
    }

    private void build() {
        Phase persons = new Phase("persons");
        Phase rosters = new Phase("rosters and contact points");
        registerTree();
        appointRosters(persons, rosters);
        phases.addAll(treeByDepth.values());
        phases.add(persons);
        phases.add(rosters);
        phases.add(campaign());
        Phase rollout = new Phase("rollout, supervision and guidance groups");
        rollout(rollout);
        supervisionGroups(persons, rollout);
        guidanceGroups(persons, rollout);
        phases.add(rollout);
        Phase merges = new Phase("duplicate pre-campaign opinions");
        preCampaignOpinions = (int) Math.round(FULL_OPINIONS * scale);
        phases.add(opinions("pre-campaign opinions", "kd-op-", preCampaignOpinions, unit -> SURVEY,
                false, merges));
        phases.add(merges);
        planStage1Starts();
        Phase plans = new Phase("implementation plans").awaiting("IMPLEMENTATION_PLAN_APPROVED");
        for (int tier = 1; tier <= 3; tier++) {
            phases.add(preparation(tier, plans));
        }
        phases.add(plans);
        phases.add(staggerExceptions());
        for (int tier = 1; tier <= 3; tier++) {
            phases.add(stage1(tier));
        }
        Phase stage1Merges = new Phase("duplicate Stage-1 opinions");
        stage1Opinions = (int) Math.round(STAGE1_OPINIONS * scale);
        phases.add(opinions("Stage-1 opinions", "kd-op1-", stage1Opinions,
                unit -> TIER_WINDOWS.get(Math.max(1, unit.tier())).get(0), true, stage1Merges));
        phases.add(stage1Merges);
    }

    private void registerTree() {
        register(PROVINCE, "Demo Province", "PROVINCE", "LEADING_BODY", "COMMITTEE", null, 0, false, "city",
                4, 0, Map.of());
        register(CITY, "Demo City", "CITY", "LEADING_BODY", "COMMITTEE", PROVINCE, 0, false, "city",
                4, 0, Map.of());
        register(COUNTY, "Demo County", "COUNTY", "LEADING_BODY", "COMMITTEE", CITY, 0, false, "county",
                Integer.parseInt(COUNTY_BODIES.get(0)[3]), COUNTY_COMMITTEE, 0, Map.of());
        for (String[] body : COUNTY_BODIES) {
            register(body[0], body[1], "COUNTY", "LEADING_BODY", body[2], body[0].equals(COUNTY_COMMITTEE) ? COUNTY
                    : COUNTY_COMMITTEE, 1, true, "a", Integer.parseInt(body[3]), 0, Map.of());
        }
        List<Unit> towns = new ArrayList<>();
        List<Unit> streets = new ArrayList<>();
        for (Block block : BLOCKS) {
            int count = scaled(block.units());
            int[] rosterSizes = sizesSummingTo(count, count * block.rosterMean(), block.rosterMin(), block.rosterMax());
            int[] memberCounts = sizesSummingTo(count, (int) Math.round(block.members() * scale), 0, Integer.MAX_VALUE);
            for (int n = 0; n < count; n++) {
                String id = "kd-" + block.code() + "-" + String.format("%03d", n + 1);
                String parent = parentFor(block, n, towns, streets);
                Map<String, Object> flags = flags(block, n);
                Unit unit = register(id, block.label() + " " + (n + 1), block.level(), block.unitType(),
                        block.partyOrgKind(), parent, block.tier(), true, block.code(), rosterSizes[n],
                        memberCounts[n], flags);
                if (block.code().equals("dt")) {
                    towns.add(unit);
                } else if (block.code().equals("ds")) {
                    streets.add(unit);
                }
                for (int b = 1; b <= block.branchesPerUnit(); b++) {
                    register(id + "-br" + b, block.label() + " " + (n + 1) + " branch " + b, block.level(),
                            block.unitType(), "BRANCH", id, block.tier(), false, block.code() + "-branch", 0, 0,
                            Map.of());
                }
            }
        }
    }

    private static String parentFor(Block block, int n, List<Unit> towns, List<Unit> streets) {
        return switch (block.code()) {
            case "e", "gs", "gm" -> towns.get(n % towns.size()).id();
            case "f" -> streets.get(n % streets.size()).id();
            case "h", "i" -> {
                List<Unit> all = new ArrayList<>(towns);
                all.addAll(streets);
                yield all.get(n % all.size()).id();
            }
            default -> COUNTY_COMMITTEE;
        };
    }

    /** §8.1/§8.2: 22 backward villages and 7 weak and lax ones (scaled), window units flagged by kind. */
    private Map<String, Object> flags(Block block, int n) {
        if (block.code().equals("e")) {
            boolean weak = n < scaled(7);
            boolean backward = n >= scaled(7) && n < scaled(7) + scaled(22);
            return weak || backward ? Map.of("weakAndLax", weak, "backwardVillage", backward) : Map.of();
        }
        if (block.code().equals("b2")) {
            return n % 2 == 0 ? Map.of("enforcement", true) : Map.of("serviceWindow", true);
        }
        return Map.of();
    }

    private Unit register(String id, String name, String level, String unitType, String kind,
                          String parent, int tier, boolean participates, String block, int rosterSize,
                          int members, Map<String, Object> flags) {
        return register(id, name, level, unitType, kind, parent, tier, participates, block, rosterSize, id, members,
                flags);
    }

    /** A unit whose roster holds the persons of {@code rosterOwner}'s roster (the same leaders on both). */
    private Unit register(String id, String name, String level, String unitType, String kind,
                          String parent, int tier, boolean participates, String block, int rosterSize,
                          String rosterOwner, int members, Map<String, Object> flags) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("unitId", id, "code", id.toUpperCase(),
                "name", name, "level", level, "unitType", unitType, "partyOrgKind", kind));
        if (parent != null) {
            fields.put("parentUnitId", parent);
        }
        if (level.equals("COUNTY") && !id.equals(COUNTY)) {
            // A COUNTY-level unit is otherwise its own jurisdiction; these answer to the county's office.
            fields.put("jurisdictionUnitId", COUNTY);
        }
        if (!flags.isEmpty()) {
            fields.put("flags", flags);
        }
        int depth = parent == null ? 0 : depths.get(parent) + 1;
        depths.put(id, depth);
        treeByDepth.computeIfAbsent(depth, d -> new Phase("organisation tree, depth " + d))
                .add("unit:" + id, ROSTER_FROM, "RegisterUnit", fields);
        List<String> roster = new ArrayList<>();
        for (int i = 1; i <= rosterSize; i++) {
            roster.add("kdp-" + rosterOwner.substring(3) + "-" + i);
        }
        if (demoTown == null && participates && unitType.equals("TOWNSHIP_STREET")
                && rosterSize >= DEMO_TOWN_ROSTER.size()) {
            demoTown = id;
            for (int i = 0; i < DEMO_TOWN_ROSTER.size(); i++) {
                roster.set(i, DEMO_TOWN_ROSTER.get(i));
            }
        }
        Unit unit = new Unit(id, unitType, level, kind, parent, tier, participates, block, List.copyOf(roster),
                members);
        units.put(id, unit);
        byBlock.computeIfAbsent(block, b -> new ArrayList<>()).add(unit);
        return unit;
    }

    private void appointRosters(Phase persons, Phase rosters) {
        for (Unit unit : units.values()) {
            List<String> roster = unit.roster();
            for (int i = 0; i < roster.size(); i++) {
                String person = roster.get(i);
                if (registered.add(person)) {
                    registerPerson(persons, person, unit.id());
                }
                boolean main = i == 0;
                rosters.add("roster:" + unit.id(), ROSTER_FROM, "AppointRosterMember", Map.of("unitId", unit.id(),
                        "personId", person, "position", position(unit, i), "mainLeader", main,
                        "effectiveFrom", ROSTER_FROM.toString()));
            }
            if (unit.id().equals(demoTown)) {
                registerPerson(persons, personOf("party-member"), unit.id());
            }
            if (registerMembers) {
                for (int m = 1; m <= unit.members(); m++) {
                    registerPerson(persons, "kdm-" + unit.id().substring(3) + "-" + m, unit.id());
                }
            }
        }
        contactPoints(rosters);
    }

    private static String position(Unit unit, int index) {
        if (index == 0) {
            return unit.partyOrgKind().equals("PARTY_GROUP") ? "PARTY_GROUP_HEAD" : "SECRETARY";
        }
        boolean government = unit.unitType().equals("LEADING_BODY") && unit.partyOrgKind().equals("COMMITTEE")
                || unit.unitType().equals("TOWNSHIP_STREET");
        if (index == 1 && government) {
            return "GOVERNMENT_HEAD";
        }
        return index <= 2 ? "DEPUTY_SECRETARY" : "MEMBER";
    }

    /**
     * §8.1: the county is the mayor's contact point. §8.2: each county standing-committee member links with
     * one unit; R-ORG-06 lets a county leader take only a unit below the county, so they take the townships
     * first, then villages.
     */
    private void contactPoints(Phase rosters) {
        String mayor = units.get(CITY).roster().get(1);
        rosters.add("roster:" + COUNTY, ROSTER_FROM, "DesignateContactPoint", Map.of("unitId", COUNTY,
                "leaderPersonId", mayor, "leaderLevel", "CITY", "effectiveFrom", "2013-10-01"));
        List<Unit> below = new ArrayList<>(byBlock.get("dt"));
        below.addAll(byBlock.get("ds"));
        below.addAll(byBlock.get("e"));
        List<String> standing = units.get(COUNTY).roster();
        for (int i = 0; i < standing.size() && i < below.size(); i++) {
            rosters.add("roster:" + below.get(i).id(), ROSTER_FROM, "DesignateContactPoint", Map.of(
                    "unitId", below.get(i).id(), "leaderPersonId", standing.get(i), "leaderLevel", "COUNTY",
                    "effectiveFrom", "2013-10-01"));
        }
    }

    private void registerPerson(Phase persons, String personId, String unitId) {
        String home = units.containsKey(unitId + "-br1") ? unitId + "-br1" : unitId;
        persons.add("person:" + personId, ROSTER_FROM, "RegisterPerson", Map.of("personId", personId,
                "name", syntheticName(), "contact", phone(), "partyMember", true, "homeBranchUnitId", home));
        personCount++;
    }

    private Phase campaign() {
        List<String> categories = BLOCKS.stream().map(Block::unitType).distinct().sorted().toList();
        List<String> all = new ArrayList<>(List.of("LEADING_BODY"));
        all.addAll(categories);
        return new Phase("campaign")
                .add("campaign", LocalDate.of(2013, 11, 15), "DefineCampaign", Map.of("campaignId", CAMPAIGN,
                        "name", "Mass line education and practice (demo county)", "theme", "Serve the people"))
                .add("campaign", LocalDate.of(2013, 11, 15), "DefineBatch", Map.of("campaignId", CAMPAIGN,
                        "batchNo", BATCH, "scope", "county level and below", "plannedStart", "2014-02",
                        "plannedBasicCompletion", "2014-09", "participatingCategories", all))
                .add("campaign", LocalDate.of(2013, 11, 15), "AdoptPolicyProfile", Map.of("campaignId", CAMPAIGN,
                        "profileId", "KENLI_DEMO", "effectiveFrom", MOBILISATION.toString()));
    }

    /** RolloutId.of(campaign, batch, jurisdiction): the {@code rollout:} prefix keeps it apart from participations. */
    static String rolloutId() {
        return "rollout:" + CAMPAIGN + ":" + BATCH + ":" + COUNTY;
    }

    /** The county's rollout: leading group under the county party secretary, the office, §8.3 tiers, 02-28. */
    private void rollout(Phase phase) {
        List<String> standing = units.get(COUNTY).roster();
        String lane = "rollout";
        LocalDate opened = LocalDate.of(2013, 11, 20);
        phase.add(lane, opened, "OpenRollout", Map.of("campaignId", CAMPAIGN, "batchNo", BATCH,
                "jurisdictionUnitId", COUNTY));
        phase.add(lane, opened, "EstablishLeadingGroup", Map.of("rolloutId", rolloutId(),
                "headPersonId", standing.get(0), "memberIds", standing, "date", opened.toString()));
        String director = standing.get(Math.min(3, standing.size() - 1));
        phase.add(lane, opened, "EstablishCampaignOffice", Map.of("rolloutId", rolloutId(),
                "directorPersonId", director,
                "staffIds", List.of(standing.get(standing.size() - 1), personOf("office-staff")),
                "approverIds", List.of(director, standing.get(Math.min(2, standing.size() - 1)), OFFICE_APPROVER),
                "date", opened.toString()));
        LocalDate tiersOn = LocalDate.of(2014, 2, 20);
        List<Map<String, Object>> selectors = List.of(Map.of("levels", List.of("COUNTY")),
                Map.of("levels", List.of("TOWNSHIP"), "unitTypes", List.of("TOWNSHIP_STREET")),
                Map.of("levels", List.of("TOWNSHIP", "VILLAGE"), "unitTypes", List.of("VILLAGE_COMMUNITY", "SCHOOL",
                        "MEDICAL", "NON_PUBLIC_OR_SOCIAL", "OTHER_GRASSROOTS")));
        for (int tier = 1; tier <= 3; tier++) {
            Map<String, Object> windows = new LinkedHashMap<>();
            List<LocalDate[]> stages = TIER_WINDOWS.get(tier);
            for (int s = 0; s < 3; s++) {
                windows.put("STAGE_" + (s + 1), Map.of("from", stages.get(s)[0].toString(),
                        "to", stages.get(s)[1].toString()));
            }
            phase.add(lane, tiersOn, "DefineTier", Map.of("rolloutId", rolloutId(), "tierNo", tier,
                    "selector", selectors.get(tier - 1), "plannedWindows", windows, "date", tiersOn.toString()));
        }
        phase.add(lane, MOBILISATION, "HoldMobilisationConference", Map.of("rolloutId", rolloutId(),
                "date", MOBILISATION.toString()));
    }

    /**
     * §8.2: 13 county groups of a leader and 3 from the discipline commission, the organisation department and
     * other departments, over blocks B, C and D (7–8 units each); the joint province–city group over block A.
     * Township schools and health centres (G) and other grassroots branches (I) also go to the county groups:
     * R-SG-01 (DOMAIN-ERRATA B7) sends guidance groups only to villages, communities and non-public
     * organisations, and every unit needs a group to review its implementation plan.
     */
    private void supervisionGroups(Phase persons, Phase phase) {
        List<Unit> departments = byBlock.get("b1");
        int groups = 13;
        List<Unit> supervised = of("b1", "b2", "b3", "cs", "cm", "dt", "ds");
        // the sg-leader account leads the group that the round robin below gives the demo accounts' township
        int demoTownGroup = supervised.stream().map(Unit::id).toList().indexOf(demoTown) % groups + 1;
        List<String> county = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            String sg = "kd-sg-" + String.format("%02d", g);
            List<Map<String, Object>> members = new ArrayList<>();
            for (int m = 1; m <= 4; m++) {
                String person = g == demoTownGroup && m == 1 ? personOf("sg-leader")
                        : "kdp-sg" + String.format("%02d", g) + "-" + m;
                String source = departments.get((m == 1 ? 0 : m == 2 ? 1 : 1 + g + m) % departments.size()).id();
                registerPerson(persons, person, source);
                members.add(Map.of("personId", person, "sourceUnitId", source));
            }
            formGroup(phase, sg, "SUPERVISION", COUNTY, "County supervision group " + g, members);
            county.add(sg);
        }
        assignRoundRobin(phase, county, supervised);
        assignRoundRobin(phase, county, of("gs", "gm", "i"));
        String joint = "kd-sg-joint";
        List<Map<String, Object>> members = new ArrayList<>();
        for (int m = 1; m <= 4; m++) {
            String person = "kdp-sgj-" + m;
            String source = m <= 2 ? PROVINCE : CITY;
            registerPerson(persons, person, source);
            members.add(Map.of("personId", person, "sourceUnitId", source));
        }
        formGroup(phase, joint, "JOINT", PROVINCE, "Joint province and city supervision group", members);
        for (String[] body : COUNTY_BODIES) {
            assign(phase, joint, units.get(body[0]));
        }
    }

    /**
     * §8.2: 23 guidance groups over blocks E–I, 3 per township (over its villages or communities) and 2 at county
     * level for the non-public organisations; G and I are with the county groups (see above). Each has a leader
     * and a member from the dispatching body.
     */
    private void guidanceGroups(Phase persons, Phase phase) {
        for (Unit township : of("dt", "ds")) {
            List<String> groups = new ArrayList<>();
            for (int g = 1; g <= 3; g++) {
                groups.add(guidanceGroup(persons, phase, township.id(), "Guidance group " + g + " of "
                        + township.id()));
            }
            assignRoundRobin(phase, groups, of("e", "f").stream()
                    .filter(unit -> unit.parentId().equals(township.id())).toList());
        }
        List<String> nonPublic = new ArrayList<>();
        for (int g = 1; g <= 2; g++) {
            nonPublic.add(guidanceGroup(persons, phase, COUNTY, "County guidance group " + g
                    + " for non-public organisations"));
        }
        assignRoundRobin(phase, nonPublic, of("h"));
    }

    private String guidanceGroup(Phase persons, Phase phase, String dispatcher, String label) {
        guidanceGroups++;
        String sg = "kd-gg-" + String.format("%02d", guidanceGroups);
        List<Map<String, Object>> members = new ArrayList<>();
        for (int m = 1; m <= 2; m++) {
            String person = "kdp-gg" + String.format("%02d", guidanceGroups) + "-" + m;
            registerPerson(persons, person, dispatcher);
            members.add(Map.of("personId", person, "sourceUnitId", dispatcher));
        }
        formGroup(phase, sg, "GUIDANCE", dispatcher, label, members);
        return sg;
    }

    /**
     * Forms the group, the first member leading it. The sg-member demo account signs every plan review, so its
     * person joins every group (R-REV-02 asks for a member of the unit's group on the day).
     */
    private void formGroup(Phase phase, String sg, String kind, String dispatcher, String label,
                           List<Map<String, Object>> members) {
        String leader = (String) members.get(0).get("personId");
        sgLeader.put(sg, leader);
        phase.add("sg:" + sg, SG_FORMED, "FormSupervisionGroup", Map.of("sgId", sg, "kind", kind,
                "dispatchingUnitId", dispatcher, "label", label, "leaderPersonId", leader, "members", members,
                "date", SG_FORMED.toString()));
        phase.add("sg:" + sg, SG_FORMED, "AddSgMember", Map.of("sgId", sg, "personId", REVIEWER,
                "sourceUnitId", dispatcher, "date", SG_FORMED.toString()));
    }

    private void assignRoundRobin(Phase phase, List<String> groups, List<Unit> assigned) {
        for (int n = 0; n < assigned.size(); n++) {
            assign(phase, groups.get(n % groups.size()), assigned.get(n));
        }
    }

    private void assign(Phase phase, String sg, Unit unit) {
        sgOf.put(unit.id(), sg);
        if (sg.startsWith("kd-gg-")) {
            guidedUnits++;
        }
        phase.add("sg:" + sg, MOBILISATION, "AssignUnit", Map.of("sgId", sg, "unitId", unit.id(),
                "from", MOBILISATION.toString()));
    }

    /**
     * §8.4 opinions, with one set of distributions for both batches: spread over the targets (A 8%, B 30% of
     * which windows 14, C 5%, D 20%, E+F 30%, G–I 2%, higher level 5%, the last collected by the county office),
     * received on a day of {@code window(target)} with weekends a third as likely, classified, 8% merged into an
     * earlier opinion on the same unit. With {@code followUp} the unique ones are also routed and acknowledged,
     * 10% explained, 5% escalated and 0.3% referred (§8.4 "other rates"); no rate of §8.4 applies before the
     * campaign's offices exist, so the pre-campaign ones stop at classification.
     */
    private Phase opinions(String name, String idPrefix, int count, Function<Unit, LocalDate[]> window,
                           boolean followUp, Phase merges) {
        Weighted<List<Unit>> targets = new Weighted<List<Unit>>()
                .add(of("a"), 8).add(of("b1", "b3"), 16).add(of("b2"), 14).add(of("cs", "cm"), 5)
                .add(of("dt", "ds"), 20).add(of("e", "f"), 30).add(of("gs", "gm", "h", "i"), 2)
                .add(List.of(units.get(COUNTY)), 5);
        record Received(Unit unit, LocalDate day) {
        }
        List<Received> received = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            List<Unit> group = targets.pick(rng);
            Unit unit = group.get(rng.nextInt(group.size()));
            received.add(new Received(unit, weekdayBiased(window.apply(unit))));
        }
        received.sort(Comparator.comparing(Received::day));
        Phase phase = new Phase(name);
        for (int n = 0; n < count; n++) {
            String id = idPrefix + String.format("%05d", n + 1);
            Unit unit = received.get(n).unit();
            LocalDate day = received.get(n).day();
            String lane = "opinion:" + id;
            String channel = CHANNELS.pick(rng);
            if (channel.equals("OTHER")) {
                channel = OTHER_CHANNELS.get(rng.nextInt(OTHER_CHANNELS.size()));
            }
            String[] family = FAMILIES.pick(rng);
            boolean anonymous = rng.nextInt(100) < 60;
            Map<String, Object> record = new LinkedHashMap<>(Map.of("opinionId", id, "campaignId", CAMPAIGN,
                    "receivedOn", day.toString(), "channel", channel,
                    "mode", Map.of("naming", anonymous ? "ANONYMOUS" : "NAMED",
                            "setting", rng.nextInt(100) < 85 ? "INDIVIDUAL" : "COLLECTIVE", "approach", approach(channel)),
                    "submitterCategory", channel.equals("ENTERPRISE_LIAISON") ? "ENTERPRISE" : SUBMITTERS.pick(rng),
                    "rawText", "[demo] " + family[0].toLowerCase().replace('_', ' ') + " at " + unit.id() + ", item " + id,
                    "collectedAtUnitId", unit.id()));
            if (!anonymous) {
                record.put("submitterPii", Map.of("name", syntheticName(), "contact", phone()));
            }
            if (channel.equals("SOLICITATION_LETTER")) {
                record.put("solicitationRef", "KD-SOLICITATION-2013-12");
            }
            phase.add(lane, day, "RecordOpinion", record);
            Map<String, Object> classification = new LinkedHashMap<>(Map.of("opinionId", id, "family", family[0]));
            if (family[1] != null) {
                classification.put("fourWind", family[1]);
            }
            if (family[0].equals("VITAL_INTERESTS")) {
                classification.put("topic", TOPICS.get(rng.nextInt(TOPICS.size())));
            }
            List<String> codes = FOCUS_CODES.get(unit.unitType());
            if (codes != null) {
                classification.put("focusProblemCode", codes.get(rng.nextInt(codes.size())));
            }
            LocalDate classified = day.plusDays(1 + rng.nextInt(3));
            phase.add(lane, classified, "ClassifyOpinion", classification);
            List<String> earlier = originals.computeIfAbsent(unit.id(), u -> new ArrayList<>());
            if (!earlier.isEmpty() && rng.nextInt(100) < 8) {
                merges.add("merge:" + id, day.plusDays(5), "MergeDuplicateOpinion", Map.of("opinionId", id,
                        "intoOpinionId", earlier.get(rng.nextInt(earlier.size())),
                        "similarity", 0.80 + rng.nextInt(20) / 100.0));
                duplicates++;
            } else {
                earlier.add(id);
                if (followUp) {
                    followUp(phase, lane, id, unit, classified);
                }
            }
        }
        return phase;
    }

    /**
     * Routes the opinion to the unit it is about (the county office's own ones go up to the city), which
     * acknowledges it; then 10% are explained, 5% escalated to the unit above, and independently 0.3% referred.
     * Routing starts R-OPN-10's 30-day follow-up deadline; the simulated clock releases it when a later phase
     * begins past it, so only opinions still unexplained by then become overdue.
     */
    private void followUp(Phase phase, String lane, String id, Unit unit, LocalDate classified) {
        boolean higher = unit.id().equals(COUNTY);
        Unit target = higher ? units.get(CITY) : unit;
        LocalDate routedOn = classified.plusDays(1 + rng.nextInt(3));
        phase.add(lane, routedOn, "RouteOpinion", Map.of("opinionId", id,
                "targetLevel", higher ? "HIGHER_LEVEL" : "UNIT", "targetUnitId", target.id()));
        routed++;
        LocalDate acknowledged = routedOn.plusDays(1 + rng.nextInt(5));
        phase.add(lane, acknowledged, "AcknowledgeOpinion", Map.of("opinionId", id));
        int outcome = rng.nextInt(100);
        if (outcome < 10) {
            phase.add(lane, acknowledged.plusDays(3 + rng.nextInt(18)), "ExplainOpinion", Map.of("opinionId", id,
                    "reason", EXPLANATIONS.get(rng.nextInt(EXPLANATIONS.size())),
                    "explanationText", "[demo] explanation to the submitter of " + id));
            explained++;
        } else if (outcome < 15) {
            phase.add(lane, acknowledged.plusDays(2 + rng.nextInt(8)), "EscalateOpinion", Map.of("opinionId", id,
                    "toUnitId", target.parentId(), "reason", "[demo] beyond what " + target.id() + " can solve"));
            escalated++;
        }
        if (rng.nextInt(1000) < 3) {
            phase.add(lane, acknowledged.plusDays(1), "ReferOpinion", Map.of("opinionId", id,
                    "to", "DISCIPLINE_INSPECTION", "referenceNo", "KD-REF-2014-" + id));
            referred++;
        }
    }

    /** A day of {@code window}, weekends a third as likely as weekdays. */
    private LocalDate weekdayBiased(LocalDate[] window) {
        long span = ChronoUnit.DAYS.between(window[0], window[1]) + 1;
        while (true) {
            LocalDate day = window[0].plusDays(rng.nextLong(span));
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend || rng.nextInt(3) == 0) {
                return day;
            }
        }
    }

    private static String approach(String channel) {
        return switch (channel) {
            case "CADRE_VILLAGE_VISIT", "HOME_VISIT", "TALK", "RESEARCH_VISIT", "ENTERPRISE_LIAISON" -> "GO_TO_MASSES";
            case "SYMPOSIUM", "QUESTIONNAIRE", "SPECIAL_SURVEY", "FACE_TO_FACE_CONSULTATION" -> "ORGANISED_EVALUATION";
            default -> "DELIVERED_TO_DOOR";
        };
    }

    /**
     * Each participation's Stage-1 start: its tier's date (§8.3), except for the §8.4 exceptions, units of tiers
     * 2 and 3 that start 6–9 days after the unit they cascade from, inside the stagger R-UNP-08 keeps (15 ± 5
     * days), under a policy exception. Weak and lax villages are never among them: rectification comes first.
     */
    private void planStage1Starts() {
        List<Unit> participating = units.values().stream().filter(Unit::participates)
                .sorted(Comparator.comparingInt(Unit::tier)).toList();
        List<Unit> candidates = participating.stream().filter(u -> u.tier() > 1 && !isWeakAndLax(u)).toList();
        int early = Math.max(1, (int) Math.round(participating.size() * EXCEPTION_PERCENT / 100.0));
        while (earlyStarters.size() < early) {
            earlyStarters.add(candidates.get(rng.nextInt(candidates.size())).id());
        }
        for (Unit unit : participating) {
            LocalDate start = TIER_WINDOWS.get(unit.tier()).get(0)[0];
            if (earlyStarters.contains(unit.id())) {
                start = stage1Starts.get(predecessorOf(unit).id()).plusDays(6 + rng.nextInt(4));
            }
            stage1Starts.put(unit.id(), start);
        }
    }

    /** DOMAIN-ERRATA I5: the nearest ancestor that takes part in a lower-numbered tier. */
    private Unit predecessorOf(Unit unit) {
        Unit ancestor = units.get(unit.parentId());
        while (!ancestor.participates() || ancestor.tier() >= unit.tier()) {
            ancestor = units.get(ancestor.parentId());
        }
        return ancestor;
    }

    /**
     * One tier through preparation (§8.3): registration, preparation, leading group headed by the main leader and
     * the unit's mobilisation. Weak and lax villages (§8.2) go through organisational rectification in 15–30 days
     * first, and one attempt to start Stage 1 meanwhile is refused with R-UNP-05 (DOMAIN-ERRATA B10, AS-21). The
     * implementation plan goes to {@code plans}: drafted once the leading group stands, submitted once the unit
     * has its group (the mobilisation), approved by the group in 1–3 days before Stage 1 (§4.11); its approval
     * credits IMPLEMENTATION_PLAN_APPROVED through the document's own gate handler.
     */
    private Phase preparation(int tier, Phase plans) {
        Phase phase = new Phase("tier " + tier + " through preparation");
        LocalDate registered = tier == 1 ? LocalDate.of(2014, 2, 20) : LocalDate.of(2014, 2, 28);
        LocalDate preparing = registered.plusDays(1);
        for (Unit unit : units.values()) {
            if (!unit.participates() || unit.tier() != tier) {
                continue;
            }
            LocalDate stage1 = stage1Starts.get(unit.id());
            String participation = participationId(unit);
            String lane = "participation:" + unit.id();
            phase.add(lane, registered, "RegisterParticipation", Map.of("campaignId", CAMPAIGN, "batchNo", BATCH,
                    "unitId", unit.id(), "tierNo", tier));
            phase.add(lane, preparing, "StartPreparation", Map.of("participationId", participation,
                    "date", preparing.toString()));
            LocalDate ready = later(stage1.minusDays(12), stage1, preparing.plusDays(1));
            if (isWeakAndLax(unit)) {
                LocalDate flagged = preparing.plusDays(1);
                LocalDate rectified = flagged.plusDays(15 + rng.nextInt(16));
                phase.add(lane, flagged, "FlagWeakOrganisation", Map.of("participationId", participation,
                        "reason", "weak and lax branch (demo anomaly)"));
                LocalDate tooSoon = flagged.plusDays(3 + rng.nextInt(10));
                phase.addRejected("R-UNP-05", lane, tooSoon, "StartStage", Map.of("participationId", participation,
                        "stage", 1, "date", tooSoon.toString()));
                phase.add(lane, rectified, "CompleteOrganisationalRectification", Map.of(
                        "participationId", participation, "summary", "branch committee re-elected",
                        "evidenceRefs", List.of("kd-evidence-" + unit.id())));
                ready = rectified.isAfter(ready) ? rectified : ready;
            }
            List<String> roster = unit.roster();
            phase.add(lane, ready, "FormUnitLeadingGroup", Map.of("participationId", participation,
                    "headPersonId", roster.get(0), "memberIds", roster,
                    "officeHeadPersonId", roster.get(roster.size() > 1 ? 1 : 0), "date", ready.toString()));
            LocalDate submitted = ready.plusDays(1).isBefore(MOBILISATION) ? MOBILISATION : ready.plusDays(1);
            LocalDate approved = later(submitted.plusDays(1 + rng.nextInt(3)), stage1.minusDays(1), submitted);
            implementationPlan(plans, unit, ready, submitted, approved);
            LocalDate mobilised = tier == 1 ? MOBILISATION : later(stage1.minusDays(4), stage1, approved);
            phase.add(lane, mobilised, "RecordMobilisation", Map.of("participationId", participation,
                    "date", mobilised.toString()));
        }
        return phase;
    }

    /** Drafted and submitted by the unit (through the importer), approved at step 1 (SG_REVIEW) by the reviewer. */
    private void implementationPlan(Phase plans, Unit unit, LocalDate drafted, LocalDate submitted,
                                    LocalDate approved) {
        String document = "kd-plan-" + unit.id();
        String lane = "document:" + document;
        plans.add(lane, drafted, "DraftDocument", Map.of("documentId", document, "docType", "IMPLEMENTATION_PLAN",
                "campaignId", CAMPAIGN, "batchNo", BATCH, "unitId", unit.id(),
                "content", "[demo] Implementation plan of " + unit.id() + " for the mass line campaign"));
        plans.add(lane, submitted, "SubmitDocument", Map.of("documentId", document));
        plans.addAs(REVIEWER_ACCOUNT, lane, approved, "ApproveDocumentStep", Map.of("documentId", document, "stepNo", 1,
                "comments", "approved"));
        approvedPlans++;
    }

    /** The county office grants each early start its R-UNP-08 exception the day before (§8.4 "Exceptions"). */
    private Phase staggerExceptions() {
        Phase phase = new Phase("stagger exceptions");
        for (Unit unit : units.values()) {
            if (earlyStarters.contains(unit.id())) {
                LocalDate start = stage1Starts.get(unit.id());
                phase.addAs(APPROVER_ACCOUNT, "rollout", start.minusDays(1), "GrantPolicyException", Map.of(
                        "rolloutId", rolloutId(), "exceptionId", exceptionId(unit), "unitId", unit.id(),
                        "ruleId", "R-UNP-08", "justification", "[demo] " + unit.id() + " is ready ahead of the stagger",
                        "date", start.minusDays(1).toString(), "validUntil", start.plusDays(6).toString(),
                        "reusable", false));
            }
        }
        return phase;
    }

    /**
     * One tier into Stage 1 on its start (§8.3), with its study. An early starter first tries without its
     * exception and is refused with R-UNP-08, then starts naming it. Stage 1 is started without a planned end:
     * the generator stops at Stage 1 while its clock runs on to the last tier's opinions, so with windows every
     * earlier tier would show its Stage-1 window exceeded; windows come with Stage 2.
     */
    private Phase stage1(int tier) {
        Phase phase = new Phase("tier " + tier + " into Stage 1");
        for (Unit unit : units.values()) {
            if (!unit.participates() || unit.tier() != tier) {
                continue;
            }
            LocalDate stage1 = stage1Starts.get(unit.id());
            String participation = participationId(unit);
            String lane = "participation:" + unit.id();
            Map<String, Object> start = Map.of("participationId", participation, "stage", 1,
                    "date", stage1.toString());
            if (earlyStarters.contains(unit.id())) {
                phase.addRejected("R-UNP-08", lane, stage1, "StartStage", start);
                Map<String, Object> excepted = new LinkedHashMap<>(start);
                excepted.put("exceptionId", exceptionId(unit));
                phase.add(lane, stage1, "StartStage", excepted);
            } else {
                phase.add(lane, stage1, "StartStage", start);
            }
            study(phase, lane, participation, unit, stage1);
        }
        return phase;
    }

    private static String participationId(Unit unit) {
        return CAMPAIGN + ":" + BATCH + ":" + unit.id();
    }

    private static String exceptionId(Unit unit) {
        return "kd-exc-" + unit.id();
    }

    /** The later of a planned day and the earliest possible one, but never after the cap. */
    private static LocalDate later(LocalDate planned, LocalDate cap, LocalDate earliest) {
        LocalDate day = planned.isAfter(cap) ? cap : planned;
        return day.isBefore(earliest) ? earliest : day;
    }

    private void study(Phase phase, String lane, String participation, Unit unit, LocalDate stage1) {
        int participants = unit.roster().size() + unit.members();
        if (isDlm(unit)) {
            LocalDate from = stage1.plusDays(2 + rng.nextInt(5));
            Map<String, Object> concentrated = new LinkedHashMap<>(Map.of("participationId", participation,
                    "activityId", "concentrated-study-1", "activityType", "CONCENTRATED_STUDY",
                    "from", from.toString(), "to", from.plusDays(2).toString(), "halfDays", 6,
                    "participantCount", participants));
            String sg = sgOf.get(unit.id());
            if (sg != null && rng.nextInt(100) < 90) {
                concentrated.put("sgAttendeePersonIds", List.of(sgLeader.get(sg)));
            }
            phase.add(lane, from, "RecordStudyActivity", concentrated);
            LocalDate warning = from.plusDays(7 + rng.nextInt(10));
            phase.add(lane, warning, "RecordStudyActivity", Map.of("participationId", participation,
                    "activityId", "warning-education-1", "activityType", "WARNING_EDUCATION",
                    "from", warning.toString(), "to", warning.toString(), "halfDays", 1,
                    "participantCount", participants));
        } else {
            LocalDate day = stage1.plusDays(3 + rng.nextInt(20));
            phase.add(lane, day, "RecordStudyActivity", Map.of("participationId", participation,
                    "activityId", "party-lecture-1", "activityType", "PARTY_LECTURE",
                    "from", day.toString(), "to", day.toString(), "halfDays", 1,
                    "participantCount", Math.max(participants, 1)));
        }
    }

    /** R-UNP-02 as UnitClassification decides it: schools and hospitals directly under the county hold a DLM. */
    static boolean isDlm(Unit unit) {
        return switch (unit.unitType()) {
            case "VILLAGE_COMMUNITY", "NON_PUBLIC_OR_SOCIAL", "OTHER_GRASSROOTS" -> false;
            case "SCHOOL", "MEDICAL" -> unit.level().equals("COUNTY");
            default -> true;
        };
    }

    private boolean isWeakAndLax(Unit unit) {
        return unit.block().equals("e") && byBlock.get("e").indexOf(unit) < scaled(7);
    }

    private List<Unit> of(String... blocks) {
        List<Unit> all = new ArrayList<>();
        for (String block : blocks) {
            all.addAll(byBlock.get(block));
        }
        return all;
    }

    int scaled(int full) {
        return Math.max(1, (int) Math.round(full * scale));
    }

    /** {@code count} sizes in [min, max] that add up to {@code total} exactly (the §8.2 means are totals). */
    private int[] sizesSummingTo(int count, int total, int min, int max) {
        int[] sizes = new int[count];
        Arrays.fill(sizes, min);
        int left = total - count * min;
        while (left > 0) {
            int n = rng.nextInt(count);
            if (sizes[n] < max) {
                sizes[n]++;
                left--;
            }
        }
        return sizes;
    }

    private String syntheticName() {
        return capitalised(SYLLABLES[rng.nextInt(SYLLABLES.length)] + SYLLABLES[rng.nextInt(SYLLABLES.length)])
                + " " + capitalised(SYLLABLES[rng.nextInt(SYLLABLES.length)]);
    }

    /** 555-0100..555-0199, the range reserved for fiction. */
    private String phone() {
        return String.format("555-01%02d", rng.nextInt(100));
    }

    private static String personOf(String account) {
        return DemoAccounts.byClientId(account).orElseThrow().personId();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static LocalDate[] window(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private static List<String> codes(String prefix, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            codes.add(prefix + i);
        }
        return codes;
    }

    /** Draws by integer weights. */
    static final class Weighted<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Integer> cumulative = new ArrayList<>();
        private int total;

        Weighted<T> add(T value, int weight) {
            total += weight;
            values.add(value);
            cumulative.add(total);
            return this;
        }

        T pick(SplittableRandom rng) {
            int r = rng.nextInt(total);
            for (int i = 0; ; i++) {
                if (r < cumulative.get(i)) {
                    return values.get(i);
                }
            }
        }
    }
}
