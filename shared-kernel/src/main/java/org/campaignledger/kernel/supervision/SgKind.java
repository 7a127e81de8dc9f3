package org.campaignledger.kernel.supervision;

/** Kind of supervision group (DOMAIN Appendix A). Only CIRCUIT groups may overlap another group (R-SG-02). */
public enum SgKind {
    SUPERVISION, JOINT, CIRCUIT, GUIDANCE;

    public boolean isCircuit() {
        return this == CIRCUIT;
    }
}
