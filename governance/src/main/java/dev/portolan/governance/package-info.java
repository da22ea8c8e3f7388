/**
 * Governance of AI models, datasets and agents: the AI asset model, rules over the catalog graph, scorecards, waivers, reports and the CycloneDX ML-BOM.
 */
package dev.portolan.governance;
