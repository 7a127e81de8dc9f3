package org.campaignledger.kernel.organisation;

/** Administrative level, ordered from the top: a lower {@link #rank()} is a higher level. */
public enum Level {
    CENTRAL, PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE;

    public int rank() {
        return ordinal();
    }

    /** True when this level is the same as or above {@code other} (R-ORG-01). */
    public boolean isAtOrAbove(Level other) {
        return rank() <= other.rank();
    }
}
