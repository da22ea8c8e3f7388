/**
 * DORA delivery metrics computed from delivery events, with performance tiers and rollups through the catalog.
 *
 * <p>Start with {@link dev.portolan.dora.DoraCalculator}: read events ({@link dev.portolan.dora.EventLoader}, or the
 * adapters {@link dev.portolan.dora.GitHubEvents}, {@link dev.portolan.dora.GitLabEvents},
 * {@link dev.portolan.dora.PagerDutyEvents}, {@link dev.portolan.dora.CsvEvents}), report on a
 * {@link dev.portolan.dora.Window}, roll up with a {@link dev.portolan.dora.ServiceDirectory} such as
 * {@link dev.portolan.dora.CatalogDirectory}, and write with {@link dev.portolan.dora.ReportWriter}.
 */
package dev.portolan.dora;
