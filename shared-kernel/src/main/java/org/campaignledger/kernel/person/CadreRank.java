package org.campaignledger.kernel.person;

/** A person's cadre rank (DOMAIN §4.1); NONE for members who hold no cadre post. */
public enum CadreRank { NONE, SECTION, COUNTY, CITY, PROVINCE }
