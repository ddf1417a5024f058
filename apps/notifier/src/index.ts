/** The notifier: a worker that turns the subgraphs' change-feed events into notifications. */
export {};
