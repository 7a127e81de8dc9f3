package org.campaignledger.kernel.opinion;

public enum FourWind { FORMALISM, BUREAUCRATISM, HEDONISM, EXTRAVAGANCE }
