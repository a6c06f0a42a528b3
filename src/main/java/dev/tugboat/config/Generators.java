package dev.tugboat.config;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in {@code cmds} commands by name ({@code random}, {@code publicip}, {@code cert}, {@code
 * system_uuid}, {@code echo}). A spec naming any other command is refused by validation.
 */
public final class Generators {

  private final Map<String, Generator> byName;

  Generators(Map<String, Generator> byName) {
    this.byName = Map.copyOf(byName);
  }

  /**
   * The standard commands.
   *
   * @param random source of {@code random} strings and of keys
   * @param host the addresses {@code publicip} answers from
   * @param authorities where {@code cert} finds its CA (asked on first use only)
   */
  public static Generators standard(
      SecureRandom random, HostAddresses host, CertificateAuthoritySource authorities) {
    return new Generators(Map.of(
        "random", new RandomGenerator(random),
        "publicip", new PublicIpGenerator(host),
        "cert", new CertGenerator(authorities),
        "system_uuid",
        new SystemUuidGenerator(SystemUuidGenerator.PRODUCT_UUID, SystemUuidGenerator.MACHINE_ID),
        "echo", new EchoGenerator()));
  }

  /** The command names every Tugboat knows, sorted; validation checks {@code cmd:} against these. */
  public static Set<String> knownNames() {
    return Set.of("random", "publicip", "cert", "system_uuid", "echo");
  }

  /** Whether {@code cmd} names a built-in command. */
  public boolean knows(String cmd) {
    return byName.containsKey(cmd);
  }

  /** Runs the command {@code cmd} with {@code args}. */
  public List<String> run(String cmd, List<String> args) throws GeneratorException {
    Generator generator = byName.get(cmd);
    if (generator == null) {
      throw new GeneratorException(unknownCommandMessage(cmd));
    }
    return List.copyOf(generator.generate(List.copyOf(args)));
  }

  /** The message for a command that does not exist, listing the ones that do. */
  public static String unknownCommandMessage(String cmd) {
    return "unknown command '" + cmd + "'; the commands are " + String.join(", ", new TreeSet<>(knownNames()));
  }
}
