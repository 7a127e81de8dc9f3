package org.campaignledger.query.access;

/** The confidentiality classes of DOMAIN §3.6 and §7, from the widest audience to the narrowest. */
public enum DataClass {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    PII
}
