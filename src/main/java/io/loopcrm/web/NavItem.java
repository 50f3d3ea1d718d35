package io.loopcrm.web;

/** One entry of the main navigation: a message key and where it leads. */
public record NavItem(String labelKey, String href) {}
