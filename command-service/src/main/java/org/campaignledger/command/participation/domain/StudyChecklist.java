package org.campaignledger.command.participation.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.StudyActivityType;

/**
 * The "four ones" and "six ones" of 000 (DOMAIN §1.5, §1.15; R-UNP-11), each "one" met by a study activity of one
 * of the listed types. A collective study-and-exchange and a concentrated discussion are each met by either a
 * concentrated study or a special seminar; the secretary's mobilisation speech by a party lecture.
 */
enum StudyChecklist {
    FOUR_ONES(Map.of(
            "a collective study-and-exchange session", EnumSet.of(StudyActivityType.CONCENTRATED_STUDY,
                    StudyActivityType.SPECIAL_SEMINAR),
            "a concentrated research visit", EnumSet.of(StudyActivityType.RESEARCH_VISIT),
            "promoting role models", EnumSet.of(StudyActivityType.ROLE_MODEL_PUBLICITY),
            "an anti-corruption warning session", EnumSet.of(StudyActivityType.WARNING_EDUCATION))),
    SIX_ONES(Map.of(
            "the secretary's mobilisation speech", EnumSet.of(StudyActivityType.PARTY_LECTURE),
            "a superior leader's tutorial", EnumSet.of(StudyActivityType.TUTORIAL_REPORT),
            "reading the study book", EnumSet.of(StudyActivityType.READING),
            "a role model telling their story", EnumSet.of(StudyActivityType.ROLE_MODEL_PUBLICITY),
            "a themed film", EnumSet.of(StudyActivityType.FILM),
            "a concentrated discussion", EnumSet.of(StudyActivityType.SPECIAL_SEMINAR,
                    StudyActivityType.CONCENTRATED_STUDY)));

    private final Map<String, Set<StudyActivityType>> ones;

    StudyChecklist(Map<String, Set<StudyActivityType>> ones) {
        this.ones = ones;
    }

    /** The four ones for DLM units (organs, direct units, enterprises, townships), the six ones for the others. */
    static StudyChecklist of(MeetingType meetingType) {
        return meetingType == MeetingType.SPECIAL_DLM ? FOUR_ONES : SIX_ONES;
    }

    /** The "ones" no recorded activity type meets, in a stable order. */
    List<String> missing(Set<StudyActivityType> recorded) {
        return ones.entrySet().stream().filter(one -> one.getValue().stream().noneMatch(recorded::contains))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
