// Package ftm writes the graph as FollowTheMoney entities, one JSON object a
// line, which Aleph, OpenAleph and the ftm command-line tools read and in
// which OpenSanctions publishes its data: officials as Person, bodies as
// PublicBody, companies as Company, posts as Position and Occupancy,
// agreements as Contract, and every interval with its sources and quotes.
// docs/ftm.md gives the mapping.
package ftm
