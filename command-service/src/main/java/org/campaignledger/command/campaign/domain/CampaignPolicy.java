package org.campaignledger.command.campaign.domain;

import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationEnums.StudyActivityType;

/**
 * One immutable version of a campaign's policy (DOMAIN §2): the parameters rules are evaluated under. Events
 * carry the full parameter map, so a decision can always be re-read under the version that made it.
 */
public record CampaignPolicy(String version, Map<String, String> parameters) {
    public static final String MIN_CONCENTRATED_STUDY_DAYS = "minConcentratedStudyDays";
    public static final String SEMINARS_COUNT_AS_STUDY = "seminarsCountAsStudy";
    public static final String EXCLUDED_STUDY_FORMATS = "excludedStudyFormats";
    public static final String MIN_SEMINARS = "minSeminars";
    public static final String TIER_STAGGER_DAYS = "tierStaggerDays";
    public static final String STAGGER_TOLERANCE_DAYS = "staggerToleranceDays";
    public static final String MIN_UNIT_DURATION = "minUnitDuration";
    public static final String EVALUATIONS_REQUIRED = "evaluationsRequired";
    public static final String LEADER_GRASSROOTS_LISTENING_DAYS = "leaderGrassrootsListeningDays";
    public static final String MIN_VALID_FORMS = "minValidForms";
    public static final String RESTART_CHAIN_ON_RETURN = "restartChainOnReturn";
    public static final String MIN_SYMPOSIUMS = "minSymposiums";

    /** How each parameter is read; adopting a policy checks every value against it. */
    private static final Map<String, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry(MIN_CONCENTRATED_STUDY_DAYS, CampaignPolicy::nonNegative),
            Map.entry(SEMINARS_COUNT_AS_STUDY, CampaignPolicy::bool),
            Map.entry(EXCLUDED_STUDY_FORMATS, v -> enums(v, StudyActivityType.class)),
            Map.entry(MIN_SEMINARS, CampaignPolicy::nonNegative),
            Map.entry(TIER_STAGGER_DAYS, CampaignPolicy::nonNegative),
            Map.entry(STAGGER_TOLERANCE_DAYS, CampaignPolicy::nonNegative),
            Map.entry(MIN_UNIT_DURATION, Period::parse),
            Map.entry(EVALUATIONS_REQUIRED, v -> enums(v, EvaluationType.class)),
            Map.entry(LEADER_GRASSROOTS_LISTENING_DAYS, CampaignPolicy::nonNegative),
            Map.entry(MIN_VALID_FORMS, CampaignPolicy::nonNegative),
            Map.entry(RESTART_CHAIN_ON_RETURN, CampaignPolicy::bool),
            Map.entry(MIN_SYMPOSIUMS, CampaignPolicy::symposiumMinimums));

    /**
     * The profiles of §2. DEFAULT takes the most explicit seed value; minConcentratedStudyDays = 5 working days
     * with seminars counting is DOMAIN-ERRATA I13. KENLI_DEMO takes 001's values and drops the Stage-1
     * evaluation (§2, demo simplification).
     */
    public static final Map<String, Map<String, String>> PROFILES = Map.of(
            "DEFAULT", Map.ofEntries(Map.entry(MIN_CONCENTRATED_STUDY_DAYS, "5"),
                    Map.entry(SEMINARS_COUNT_AS_STUDY, "true"), Map.entry(EXCLUDED_STUDY_FORMATS, ""),
                    Map.entry(MIN_SEMINARS, "0"), Map.entry(TIER_STAGGER_DAYS, "15"),
                    Map.entry(STAGGER_TOLERANCE_DAYS, "5"), Map.entry(MIN_UNIT_DURATION, "P3M"),
                    Map.entry(EVALUATIONS_REQUIRED, "STAGE_1,POST_MEETING,OVERALL"),
                    Map.entry(LEADER_GRASSROOTS_LISTENING_DAYS, "7"), Map.entry(MIN_VALID_FORMS, "30"),
                    Map.entry(RESTART_CHAIN_ON_RETURN, "true"), Map.entry(MIN_SYMPOSIUMS, "0,0")),
            "KENLI_DEMO", Map.ofEntries(Map.entry(MIN_CONCENTRATED_STUDY_DAYS, "3"),
                    Map.entry(SEMINARS_COUNT_AS_STUDY, "false"),
                    Map.entry(EXCLUDED_STUDY_FORMATS, "EXPERT_LECTURE,TUTORIAL_REPORT,ON_SITE_TEACHING,FILM"),
                    Map.entry(MIN_SEMINARS, "0"), Map.entry(TIER_STAGGER_DAYS, "15"),
                    Map.entry(STAGGER_TOLERANCE_DAYS, "5"), Map.entry(MIN_UNIT_DURATION, "P3M"),
                    Map.entry(EVALUATIONS_REQUIRED, "POST_MEETING,OVERALL"),
                    Map.entry(LEADER_GRASSROOTS_LISTENING_DAYS, "7"), Map.entry(MIN_VALID_FORMS, "30"),
                    Map.entry(RESTART_CHAIN_ON_RETURN, "true"), Map.entry(MIN_SYMPOSIUMS, "0,0")));

    public CampaignPolicy {
        parameters = Map.copyOf(parameters);
    }

    /** The profile's parameters with the overrides applied; unknown profiles, names or values are rejected. */
    public static Map<String, String> resolve(String profileId, Map<String, String> overrides) {
        Map<String, String> profile = PROFILES.get(profileId);
        if (profile == null) {
            throw new RuleViolation(PlatformRules.VALIDATION, "unknown policy profile " + profileId,
                    Map.of("field", "profileId", "allowed", new TreeMap<>(PROFILES).keySet()));
        }
        Map<String, String> resolved = new TreeMap<>(profile);
        overrides.forEach((name, value) -> {
            Function<String, Object> parser = PARSERS.get(name);
            if (parser == null) {
                throw new RuleViolation(PlatformRules.VALIDATION, "unknown policy parameter " + name,
                        Map.of("field", "parameters." + name, "allowed", new TreeMap<>(PARSERS).keySet()));
            }
            try {
                parser.apply(value);
            } catch (RuntimeException e) {
                throw new RuleViolation(PlatformRules.VALIDATION, "policy parameter " + name + " cannot be '" + value + "'",
                        Map.of("field", "parameters." + name));
            }
            resolved.put(name, value);
        });
        return new LinkedHashMap<>(resolved);
    }

    public int minConcentratedStudyDays() {
        return (Integer) get(MIN_CONCENTRATED_STUDY_DAYS);
    }

    public boolean seminarsCountAsStudy() {
        return (Boolean) get(SEMINARS_COUNT_AS_STUDY);
    }

    @SuppressWarnings("unchecked")
    public Set<StudyActivityType> excludedStudyFormats() {
        return (Set<StudyActivityType>) get(EXCLUDED_STUDY_FORMATS);
    }

    public int minSeminars() {
        return (Integer) get(MIN_SEMINARS);
    }

    public int tierStaggerDays() {
        return (Integer) get(TIER_STAGGER_DAYS);
    }

    public int staggerToleranceDays() {
        return (Integer) get(STAGGER_TOLERANCE_DAYS);
    }

    public Period minUnitDuration() {
        return (Period) get(MIN_UNIT_DURATION);
    }

    @SuppressWarnings("unchecked")
    public Set<EvaluationType> evaluationsRequired() {
        return (Set<EvaluationType>) get(EVALUATIONS_REQUIRED);
    }

    /** The fewest valid forms an evaluation is tallied on (DOMAIN-ERRATA I6). */
    public int minValidForms() {
        return (Integer) get(MIN_VALID_FORMS);
    }

    /**
     * R-REV-07. A policy version adopted before this parameter existed does not name it and keeps the §2
     * default, true.
     */
    public boolean restartChainOnReturn() {
        return !parameters.containsKey(RESTART_CHAIN_ON_RETURN) || (Boolean) get(RESTART_CHAIN_ON_RETURN);
    }

    /** {@code leaderGrassrootsListeningDays} (R-UNP-12, ADVISORY): days each city or county team member listens. */
    public int leaderGrassrootsListeningDays() {
        return (Integer) get(LEADER_GRASSROOTS_LISTENING_DAYS);
    }

    /**
     * {@code minSymposiums} as "mainLeader,member" (R-UNP-12, ADVISORY, from 004). A policy version adopted before
     * this parameter existed does not name it and keeps the §2 default, none.
     */
    public SymposiumMinimums minSymposiums() {
        return parameters.containsKey(MIN_SYMPOSIUMS) ? (SymposiumMinimums) get(MIN_SYMPOSIUMS)
                : new SymposiumMinimums(0, 0);
    }

    public record SymposiumMinimums(int mainLeader, int member) {
        public boolean any() {
            return mainLeader > 0 || member > 0;
        }
    }

    private Object get(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("policy " + version + " has no parameter " + name);
        }
        return PARSERS.get(name).apply(value);
    }

    private static Object nonNegative(String value) {
        int parsed = Integer.parseInt(value.trim());
        if (parsed < 0) {
            throw new IllegalArgumentException("negative");
        }
        return parsed;
    }

    private static Object symposiumMinimums(String value) {
        String[] parts = value.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not mainLeader,member");
        }
        return new SymposiumMinimums((Integer) nonNegative(parts[0]), (Integer) nonNegative(parts[1]));
    }

    private static Object bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
        }
        return Boolean.parseBoolean(value);
    }

    private static <E extends Enum<E>> Object enums(String value, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .forEach(v -> set.add(Enum.valueOf(type, v)));
        return set;
    }
}
