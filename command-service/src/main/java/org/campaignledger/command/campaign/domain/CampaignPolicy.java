package org.campaignledger.command.campaign.domain;

import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;
import org.campaignledger.kernel.evaluation.ParticipantGroup;
import org.campaignledger.kernel.evaluation.SatisfactionRule;
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
    public static final String SATISFIED_OPTIONS = "satisfiedOptions";
    public static final String SATISFACTION_THRESHOLD = "satisfactionThreshold";
    public static final String DEFAULT_EVALUATION_SCOPE = "defaultEvaluationScope";
    public static final String MIN_SYMPOSIUMS = "minSymposiums";
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

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
            Map.entry(SATISFIED_OPTIONS, CampaignPolicy::satisfiedOptions),
            Map.entry(SATISFACTION_THRESHOLD, CampaignPolicy::fraction),
            Map.entry(DEFAULT_EVALUATION_SCOPE, CampaignPolicy::scope),
            Map.entry(MIN_SYMPOSIUMS, CampaignPolicy::symposiumMinimums));

    /**
     * The profiles of §2. DEFAULT takes the most explicit seed value; minConcentratedStudyDays = 5 working days
     * with seminars counting is DOMAIN-ERRATA I13. KENLI_DEMO takes 001's values and drops the Stage-1
     * evaluation (§2, demo simplification); with no Stage-1 scope to copy, its POST_MEETING evaluations take the
     * {@code defaultEvaluationScope} (DOMAIN-ERRATA B8), an [ASM] mix of the §A submitter categories that plans
     * 100 participants, above {@code minValidForms}. DEFAULT has none: its Stage-1 evaluation gives the scope.
     */
    public static final Map<String, Map<String, String>> PROFILES = Map.of(
            "DEFAULT", Map.ofEntries(Map.entry(MIN_CONCENTRATED_STUDY_DAYS, "5"),
                    Map.entry(SEMINARS_COUNT_AS_STUDY, "true"), Map.entry(EXCLUDED_STUDY_FORMATS, ""),
                    Map.entry(MIN_SEMINARS, "0"), Map.entry(TIER_STAGGER_DAYS, "15"),
                    Map.entry(STAGGER_TOLERANCE_DAYS, "5"), Map.entry(MIN_UNIT_DURATION, "P3M"),
                    Map.entry(EVALUATIONS_REQUIRED, "STAGE_1,POST_MEETING,OVERALL"),
                    Map.entry(LEADER_GRASSROOTS_LISTENING_DAYS, "7"), Map.entry(MIN_VALID_FORMS, "30"),
                    Map.entry(RESTART_CHAIN_ON_RETURN, "true"),
                    Map.entry(SATISFIED_OPTIONS, "SATISFIED,BASICALLY_SATISFIED"),
                    Map.entry(SATISFACTION_THRESHOLD, "2/3"), Map.entry(DEFAULT_EVALUATION_SCOPE, ""),
                    Map.entry(MIN_SYMPOSIUMS, "0,0")),
            "KENLI_DEMO", Map.ofEntries(Map.entry(MIN_CONCENTRATED_STUDY_DAYS, "3"),
                    Map.entry(SEMINARS_COUNT_AS_STUDY, "false"),
                    Map.entry(EXCLUDED_STUDY_FORMATS, "EXPERT_LECTURE,TUTORIAL_REPORT,ON_SITE_TEACHING,FILM"),
                    Map.entry(MIN_SEMINARS, "0"), Map.entry(TIER_STAGGER_DAYS, "15"),
                    Map.entry(STAGGER_TOLERANCE_DAYS, "5"), Map.entry(MIN_UNIT_DURATION, "P3M"),
                    Map.entry(EVALUATIONS_REQUIRED, "POST_MEETING,OVERALL"),
                    Map.entry(LEADER_GRASSROOTS_LISTENING_DAYS, "7"), Map.entry(MIN_VALID_FORMS, "30"),
                    Map.entry(RESTART_CHAIN_ON_RETURN, "true"),
                    Map.entry(SATISFIED_OPTIONS, "SATISFIED,BASICALLY_SATISFIED"),
                    Map.entry(SATISFACTION_THRESHOLD, "2/3"),
                    Map.entry(DEFAULT_EVALUATION_SCOPE, "CADRE=20,PARTY_MEMBER=30,RESIDENT=30,SERVICE_OBJECT=20"),
                    Map.entry(MIN_SYMPOSIUMS, "0,0")));

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

    /**
     * This policy with a jurisdiction's {@code OverridePolicy} values (DOMAIN §2, §4.3) of the parameters read
     * here. The rollout checks only the parameter's name, so a value this policy cannot read is left out rather
     * than blocking every rule that reads the parameter.
     */
    public CampaignPolicy withOverrides(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(parameters);
        overrides.forEach((name, value) -> {
            Function<String, Object> parser = PARSERS.get(name);
            if (parser != null && parses(parser, value)) {
                merged.put(name, value);
            }
        });
        return new CampaignPolicy(version, merged);
    }

    private static boolean parses(Function<String, Object> parser, String value) {
        try {
            parser.apply(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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

    /**
     * R-EVL-07: {@code satisfiedOptions} and {@code satisfactionThreshold}. A policy version adopted before these
     * parameters existed keeps their §2 values, the same in every profile.
     */
    @SuppressWarnings("unchecked")
    public SatisfactionRule satisfactionRule() {
        Set<Rating> options = parameters.containsKey(SATISFIED_OPTIONS)
                ? (Set<Rating>) get(SATISFIED_OPTIONS) : SatisfactionRule.TWO_THIRDS.satisfiedOptions();
        int[] threshold = parameters.containsKey(SATISFACTION_THRESHOLD) ? (int[]) get(SATISFACTION_THRESHOLD)
                : new int[] {SatisfactionRule.TWO_THIRDS.numerator(), SatisfactionRule.TWO_THIRDS.denominator()};
        return new SatisfactionRule(options, threshold[0], threshold[1]);
    }

    /**
     * R-EVL-06 (DOMAIN-ERRATA B8): the POST_MEETING scope when the unit has no Stage-1 evaluation, empty when the
     * jurisdiction has none (or the policy version predates the parameter).
     */
    @SuppressWarnings("unchecked")
    public List<ParticipantGroup> defaultEvaluationScope() {
        if (!parameters.containsKey(DEFAULT_EVALUATION_SCOPE)) {
            return List.of();
        }
        List<ParticipantGroup> scope = new ArrayList<>();
        ((Map<String, Integer>) get(DEFAULT_EVALUATION_SCOPE)).forEach((category, count) ->
                scope.add(new ParticipantGroup(category, count)));
        return List.copyOf(scope);
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

    private static Object satisfiedOptions(String value) {
        Object options = enums(value, Rating.class);
        if (((Set<?>) options).isEmpty()) {
            throw new IllegalArgumentException("no option counts as satisfied");
        }
        return options;
    }

    /** {@code n/d} with 0 ≤ n ≤ d and d ≥ 1, kept as integers for R-EVL-07's exact arithmetic. */
    private static Object fraction(String value) {
        String[] parts = value.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a fraction");
        }
        int numerator = Integer.parseInt(parts[0].trim());
        int denominator = Integer.parseInt(parts[1].trim());
        if (numerator < 0 || denominator < 1 || numerator > denominator) {
            throw new IllegalArgumentException("not a fraction between 0 and 1");
        }
        return new int[] {numerator, denominator};
    }

    /** {@code CATEGORY=count,…}: each participant category once, each with at least one planned participant. */
    private static Object scope(String value) {
        Map<String, Integer> scope = new TreeMap<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(entry -> {
            String[] parts = entry.split("=");
            if (parts.length != 2 || !CATEGORY.matcher(parts[0].trim()).matches()) {
                throw new IllegalArgumentException("not CATEGORY=count");
            }
            int count = Integer.parseInt(parts[1].trim());
            if (count < 1 || scope.put(parts[0].trim(), count) != null) {
                throw new IllegalArgumentException("a category twice or without participants");
            }
        });
        return scope;
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
