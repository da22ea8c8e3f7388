package dev.portolan.benchmarks.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One entity of a generated catalog while its structure is being built. */
final class Node {

  final String kind;
  final String namespace;
  final String name;

  String type;
  String lifecycle;
  Node owner;
  Node system;
  Node domain;
  Node parent;
  Node subdomainOf;
  Node subcomponentOf;
  Node model;
  Node baseModel;
  String first;
  String last;
  boolean listsMembers;
  boolean governed;
  final List<Node> children = new ArrayList<>();
  final List<Node> members = new ArrayList<>();
  final List<Node> memberOf = new ArrayList<>();
  final List<Node> providesApis = new ArrayList<>();
  final List<Node> consumesApis = new ArrayList<>();
  final List<Node> dependsOn = new ArrayList<>();
  final List<Node> trainedOn = new ArrayList<>();
  final List<Node> evaluatedOn = new ArrayList<>();
  final List<Node> derivedFrom = new ArrayList<>();
  final List<Node> tools = new ArrayList<>();
  final List<Node> handoffs = new ArrayList<>();
  final List<Node> accessTargets = new ArrayList<>();
  final List<Node> systemApis = new ArrayList<>();
  final List<Node> systemResources = new ArrayList<>();
  final List<Node> systemComponents = new ArrayList<>();

  Node(String kind, String namespace, String name) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
  }

  /** The lower-case kind as written in refs. */
  String refKind() {
    return kind.toLowerCase(Locale.ROOT);
  }

  /** The full, lower-cased ref, as Backstage stores it. */
  String fullRef() {
    return refKind() + ":" + namespace + "/" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return fullRef();
  }
}
