package org.campaignledger.command.participation.domain;

import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationEnums.MaterialRequirement;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.RectificationForm;

/**
 * What a unit's type commits it to (DOMAIN §1.3 with DOMAIN-ERRATA I7): its meeting (R-UNP-02), its material
 * (R-UNP-03) and its rectification form (R-UNP-04).
 */
public record UnitClassification(MeetingType meetingType, MaterialRequirement materialRequirement,
                                 RectificationForm rectificationForm) {
    private static final UnitClassification DLM_FULL = new UnitClassification(MeetingType.SPECIAL_DLM,
            MaterialRequirement.FULL, RectificationForm.COLLECTIVE_PLAN_AND_PERSONAL);
    private static final UnitClassification OLM_BRIEF = new UnitClassification(MeetingType.SPECIAL_OLM,
            MaterialRequirement.BRIEF, RectificationForm.PROBLEM_LIST);
    private static final UnitClassification OLM_OPTIONAL = new UnitClassification(MeetingType.SPECIAL_OLM,
            MaterialRequirement.OPTIONAL, RectificationForm.PROBLEM_LIST);

    /** Schools and hospitals hold a DLM when they sit directly under a county or city, otherwise an OLM. */
    public static UnitClassification of(UnitType type, Level parentLevel) {
        return switch (type) {
            case LEADING_BODY, DIRECT_UNIT, ENFORCEMENT_OR_WINDOW, TOWNSHIP_STREET, SOE, HIGHER_VOCATIONAL,
                    PROVINCIAL_SUBORDINATE, DEV_ZONE -> DLM_FULL;
            case VILLAGE_COMMUNITY -> OLM_BRIEF;
            case NON_PUBLIC_OR_SOCIAL, OTHER_GRASSROOTS -> OLM_OPTIONAL;
            case SCHOOL, MEDICAL -> parentLevel == Level.COUNTY || parentLevel == Level.CITY ? DLM_FULL : OLM_OPTIONAL;
        };
    }

    public boolean isDlm() {
        return meetingType == MeetingType.SPECIAL_DLM;
    }
}
