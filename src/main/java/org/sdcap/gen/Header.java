package org.sdcap.gen;

/** One HTTP request header as the client sent it, with the name's original case. */
public record Header(String name, String value) {}
