package org.campaignledger.kernel.organisation;

import java.util.Set;

/**
 * Unit type (DOMAIN §1.3): drives classified guidance. Each type owns its focus-problem codes, used to
 * classify opinions (R-OPN-11) and problems.
 */
public enum UnitType {
    LEADING_BODY("LB1", "LB2", "LB3", "LB4", "LB5", "LB6", "LB7"),
    DIRECT_UNIT("DU1", "DU2", "DU3", "DU4", "DU5"),
    ENFORCEMENT_OR_WINDOW("EW1", "EW2", "EW3", "EW4"),
    TOWNSHIP_STREET("TS1", "TS2", "TS3", "TS4", "TS5"),
    VILLAGE_COMMUNITY("VC1", "VC2", "VC3", "VC4"),
    NON_PUBLIC_OR_SOCIAL,
    SCHOOL("SC1", "SC2"),
    MEDICAL("MD1", "MD2", "MD3"),
    SOE("SE1", "SE2", "SE3", "SE4", "SE5"),
    HIGHER_VOCATIONAL,
    PROVINCIAL_SUBORDINATE,
    DEV_ZONE,
    OTHER_GRASSROOTS;

    private final Set<String> focusProblemCodes;

    UnitType(String... focusProblemCodes) {
        this.focusProblemCodes = Set.of(focusProblemCodes);
    }

    public Set<String> focusProblemCodes() {
        return focusProblemCodes;
    }
}
