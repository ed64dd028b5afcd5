package org.sdcap.gen;

/**
 * One installation of the CLI on one machine: the client plus the ids it puts in {@code
 * metadata.user_id}, which stay the same across its sessions.
 */
record ClaudeInstall(Client client, ClaudeProfile profile, String deviceId, String accountUuid) {

  static ClaudeInstall create(Rng rng, ClaudeProfile profile, boolean proxied) {
    Client client = Clients.claudeCli(rng, proxied, profile.version);
    return new ClaudeInstall(client, profile, rng.hex(64), rng.uuid());
  }

  /** Returns {@code metadata.user_id} for one session, in the profile's form. */
  String userId(String sessionUuid) {
    if (profile.jsonUserId) {
      return "{\"device_id\":\""
          + deviceId
          + "\",\"account_uuid\":\""
          + accountUuid
          + "\",\"session_id\":\""
          + sessionUuid
          + "\"}";
    }
    return "user_" + deviceId + "_account_" + accountUuid + "_session_" + sessionUuid;
  }
}
