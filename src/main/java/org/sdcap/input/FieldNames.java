package org.sdcap.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The input member name of each {@link FieldRole}: the defaults, changed by {@code ROLE=NAME}
 * mappings such as {@code client=client_ip}. Immutable.
 */
public final class FieldNames {

  private static final FieldNames DEFAULTS = new FieldNames(new EnumMap<>(FieldRole.class));

  private final Map<FieldRole, String> names;

  private FieldNames(Map<FieldRole, String> overrides) {
    EnumMap<FieldRole, String> all = new EnumMap<>(FieldRole.class);
    for (FieldRole role : FieldRole.values()) {
      all.put(role, overrides.getOrDefault(role, role.defaultName()));
    }
    this.names = all;
  }

  public static FieldNames defaults() {
    return DEFAULTS;
  }

  /**
   * Parses {@code ROLE=NAME} mappings, each changing the input name of one role.
   *
   * @throws IllegalArgumentException naming the invalid mapping and listing the valid roles, when a
   *     mapping has no {@code =}, an empty side, an unknown role, or repeats a role
   */
  public static FieldNames parse(List<String> specs) {
    EnumMap<FieldRole, String> overrides = new EnumMap<>(FieldRole.class);
    for (String spec : specs) {
      int equals = spec.indexOf('=');
      if (equals <= 0 || equals == spec.length() - 1) {
        throw new IllegalArgumentException(
            "invalid field mapping \""
                + spec
                + "\": expected ROLE=NAME, for example client=client_ip");
      }
      String roleName = spec.substring(0, equals);
      FieldRole role = FieldRole.fromRoleName(roleName);
      if (role == null) {
        throw new IllegalArgumentException(
            "unknown field role \""
                + roleName
                + "\" in \""
                + spec
                + "\". Valid roles: "
                + validRoles());
      }
      if (overrides.containsKey(role)) {
        throw new IllegalArgumentException(
            "field role \"" + roleName + "\" is mapped more than once");
      }
      overrides.put(role, spec.substring(equals + 1));
    }
    return new FieldNames(overrides);
  }

  /** Returns the input member name that has this role. */
  public String name(FieldRole role) {
    return names.get(role);
  }

  /** Returns the mappings that differ from the defaults, as {@code ROLE=NAME} strings. */
  public List<String> overrides() {
    List<String> specs = new ArrayList<>();
    names.forEach(
        (role, name) -> {
          if (!name.equals(role.defaultName())) {
            specs.add(role.roleName() + "=" + name);
          }
        });
    return specs;
  }

  private static String validRoles() {
    return Stream.of(FieldRole.values()).map(FieldRole::roleName).collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldNames that && names.equals(that.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return "FieldNames" + names;
  }
}
