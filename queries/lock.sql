-- Run once after loading: from here on no query can read or write files or change a setting.
-- The tables are tiny (hundreds of rows) and every answer is one or two small queries, so most of
-- DuckDB's time per query is planning: these optimiser passes cost more than they save here
-- (measured: 20-25% less per answer, same results). The passes kept are the ones that shape these
-- queries' plans: filter pushdown, expression rewriting, unused-column removal, join order and the
-- rewrites of correlated subqueries and IN lists.
SET disabled_optimizers = 'filter_pullup,empty_result_pullup,cte_filter_pusher,regex_range,statistics_propagation,common_subexpressions,common_aggregate,limit_pushdown,row_group_pruner,top_n,top_n_window_elimination,build_side_probe_side,compressed_materialization,duplicate_groups,reorder_filter,sampling_pushdown,join_filter_pushdown,extension,materialized_cte,aggregate_function_rewriter,late_materialization,cte_inlining,common_subplan,join_elimination,window_self_join,projection_pullup,outer_join_simplification,window_rewriter,partitioned_execution,partial_aggregate_pushdown,remote_pushdown,grouping_sets,type_pushdown,scalar_fn_pushdown,distinct_aggregate_rewrite,aggregate_reuse,projection_placement,redundant_order_keys,self_join_aggregate';
SET enable_external_access = false;
SET lock_configuration = true;
