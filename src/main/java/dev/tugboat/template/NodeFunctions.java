package dev.tugboat.template;

import static dev.tugboat.template.TemplateFunction.ArgType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * Replicated's functions over hosts and containers: addresses of the nodes that run a container,
 * the host ports its private ports are bound to, and this host's own addresses; with the older
 * {@code Host*} names the samples still use. On one host the first node is the only node.
 */
final class NodeFunctions {
  private NodeFunctions() {}

  static List<TemplateFunction> all() {
    List<TemplateFunction> fns = new ArrayList<>();
    TemplateFunction privateFirst =
        TemplateFunction.container(
            "NodePrivateIPAddress",
            (env, a) -> first(env.nodePrivateAddresses(s(a[0]), s(a[1]))),
            STRING,
            STRING);
    TemplateFunction privateAll =
        TemplateFunction.container(
            "NodePrivateIPAddressAll",
            (env, a) -> List.copyOf(env.nodePrivateAddresses(s(a[0]), s(a[1]))),
            STRING,
            STRING);
    TemplateFunction publicFirst =
        TemplateFunction.container(
            "NodePublicIPAddress",
            (env, a) -> first(env.nodePublicAddresses(s(a[0]), s(a[1]))),
            STRING,
            STRING);
    TemplateFunction publicAll =
        TemplateFunction.container(
            "NodePublicIPAddressAll",
            (env, a) -> List.copyOf(env.nodePublicAddresses(s(a[0]), s(a[1]))),
            STRING,
            STRING);
    TemplateFunction port =
        TemplateFunction.container(
            "ContainerExposedPort",
            (env, a) -> first(env.containerExposedPorts(s(a[0]), s(a[1]), s(a[2]))),
            STRING,
            STRING,
            STRING);
    TemplateFunction ports =
        TemplateFunction.container(
            "ContainerExposedPortAll",
            (env, a) -> List.copyOf(env.containerExposedPorts(s(a[0]), s(a[1]), s(a[2]))),
            STRING,
            STRING,
            STRING);
    fns.addAll(List.of(privateFirst, privateAll, publicFirst, publicAll, port, ports));
    fns.add(privateFirst.renamed("NodePrivateIPAddressFirst"));
    fns.add(publicFirst.renamed("NodePublicIPAddressFirst"));
    fns.add(port.renamed("ContainerExposedPortFirst"));
    fns.add(privateFirst.renamed("HostPrivateIpAddress"));
    fns.add(privateAll.renamed("HostPrivateIpAddressAll"));
    fns.add(publicFirst.renamed("HostPublicIpAddress"));
    fns.add(publicAll.renamed("HostPublicIpAddressAll"));
    fns.addAll(thisHost());
    return List.copyOf(fns);
  }

  private static List<TemplateFunction> thisHost() {
    TemplateFunction privateAddress =
        TemplateFunction.of("ThisNodePrivateIPAddress", (env, a) -> env.host().privateAddress());
    TemplateFunction publicAddress =
        TemplateFunction.of("ThisNodePublicIPAddress", (env, a) -> env.host().publicAddress());
    return List.of(
        privateAddress,
        publicAddress,
        privateAddress.renamed("ThisHostPrivateIpAddress"),
        publicAddress.renamed("ThisHostPublicIpAddress"),
        TemplateFunction.of("ThisNodeDockerAddress", (env, a) -> env.host().dockerAddress()),
        TemplateFunction.of(
            "ThisHostInterfaceAddress",
            (env, a) -> env.host().interfaceAddress(s(a[0])).orElse(""),
            STRING));
  }

  private static String s(Object arg) {
    return (String) arg;
  }

  /** The first node's value; a container known to run nowhere gives the empty string. */
  private static String first(List<String> values) {
    return values.isEmpty() ? "" : values.get(0);
  }
}
