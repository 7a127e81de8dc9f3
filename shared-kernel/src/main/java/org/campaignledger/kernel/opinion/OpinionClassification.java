package org.campaignledger.kernel.opinion;

/** How an opinion is classified (DOMAIN §4.6); {@code null} fields are not set. */
public record OpinionClassification(ProblemFamily family, FourWind fourWind, VitalInterestTopic topic,
                                    String focusProblemCode) {
}
