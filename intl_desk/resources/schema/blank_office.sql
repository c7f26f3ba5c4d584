-- Generated from the migrations by tools/build_blank_schema.py: do not edit.
-- The schema of a new office file (intl_desk.store.blank_schema).
CREATE TABLE activity (
	kind VARCHAR(20) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	purpose TEXT, 
	justification TEXT, 
	start_date DATE, 
	end_date DATE, 
	location VARCHAR(200), 
	country_code VARCHAR(2), 
	participants TEXT, 
	participant_count INTEGER, 
	cost NUMERIC(14, 2), 
	currency VARCHAR(3) NOT NULL, 
	outcomes TEXT, 
	lessons_learned TEXT, 
	local_entity_id VARCHAR(36), 
	partner_id VARCHAR(36), 
	agreement_id VARCHAR(36), 
	project_id VARCHAR(36), 
	network_id VARCHAR(36), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), transport_mode VARCHAR(20), start_date_precision VARCHAR(5) DEFAULT 'day' NOT NULL, end_date_precision VARCHAR(5) DEFAULT 'day' NOT NULL, 
	CONSTRAINT pk_activity PRIMARY KEY (id), 
	CONSTRAINT fk_activity_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id), 
	CONSTRAINT fk_activity_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_activity_network_id_network FOREIGN KEY(network_id) REFERENCES network (id), 
	CONSTRAINT fk_activity_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id), 
	CONSTRAINT fk_activity_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE agreement (
	title VARCHAR(300) NOT NULL, 
	type VARCHAR(40) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	reference VARCHAR(100), 
	summary TEXT, 
	date_proposed DATE, 
	date_signed DATE, 
	date_in_force DATE, 
	date_expires DATE, 
	perpetual BOOLEAN NOT NULL, 
	renewal_decision VARCHAR(20), 
	renewal_reminder_days INTEGER NOT NULL, 
	legal_authorisation VARCHAR(300), 
	legal_authorisation_date DATE, 
	languages VARCHAR(100), 
	responsible_id VARCHAR(36), 
	renews_id VARCHAR(36), 
	amends_id VARCHAR(36), 
	lessons_learned TEXT, 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), 
	partner_names VARCHAR(1000), 
	entity_names VARCHAR(1000), 
	country_codes VARCHAR(200), 
	objective_count INTEGER NOT NULL, date_signed_precision VARCHAR(5) DEFAULT 'day' NOT NULL, date_in_force_precision VARCHAR(5) DEFAULT 'day' NOT NULL, date_expires_precision VARCHAR(5) DEFAULT 'day' NOT NULL, date_ended DATE, 
	CONSTRAINT pk_agreement PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_amends_id_agreement FOREIGN KEY(amends_id) REFERENCES agreement (id), 
	CONSTRAINT fk_agreement_renews_id_agreement FOREIGN KEY(renews_id) REFERENCES agreement (id), 
	CONSTRAINT fk_agreement_responsible_id_contact FOREIGN KEY(responsible_id) REFERENCES contact (id)
);
CREATE TABLE agreement_objective (
	agreement_id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	indicator_id VARCHAR(36), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_agreement_objective PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_objective_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id), 
	CONSTRAINT fk_agreement_objective_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id)
);
CREATE TABLE agreement_party (
	agreement_id VARCHAR(36) NOT NULL, 
	local_entity_id VARCHAR(36), 
	partner_id VARCHAR(36), 
	role VARCHAR(20) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_agreement_party PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_party_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id), 
	CONSTRAINT fk_agreement_party_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_agreement_party_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id)
);
CREATE TABLE agreement_project (
	agreement_id VARCHAR(36) NOT NULL, 
	project_id VARCHAR(36) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_agreement_project PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_project_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id), 
	CONSTRAINT fk_agreement_project_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE agreement_sdg (
	agreement_id VARCHAR(36) NOT NULL, 
	sdg INTEGER NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_agreement_sdg PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_sdg_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id)
);
CREATE VIRTUAL TABLE agreement_search USING fts5(words, content='agreement_search_text', content_rowid='rowid', tokenize='trigram');
CREATE TABLE agreement_search_pending (rowid INTEGER PRIMARY KEY);
CREATE TABLE agreement_search_text (rowid INTEGER PRIMARY KEY, words TEXT NOT NULL);
CREATE TABLE agreement_signatory (
	agreement_id VARCHAR(36) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	position VARCHAR(200), 
	side VARCHAR(10) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_agreement_signatory PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_signatory_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id)
);
CREATE TABLE agreement_theme (
	agreement_id VARCHAR(36) NOT NULL, 
	theme VARCHAR(40) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_agreement_theme PRIMARY KEY (id), 
	CONSTRAINT fk_agreement_theme_agreement_id_agreement FOREIGN KEY(agreement_id) REFERENCES agreement (id)
);
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE budget_line (
	project_id VARCHAR(36) NOT NULL, 
	year INTEGER NOT NULL, 
	amount NUMERIC(14, 2) NOT NULL, 
	type VARCHAR(2) NOT NULL, 
	status VARCHAR(2) NOT NULL, 
	description VARCHAR(300), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_budget_line PRIMARY KEY (id), 
	CONSTRAINT fk_budget_line_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE change (
	id VARCHAR(36) NOT NULL, 
	changed_at DATETIME NOT NULL, 
	changed_by VARCHAR(100), 
	office_id VARCHAR(36), 
	record_kind VARCHAR(40) NOT NULL, 
	record_id VARCHAR(36) NOT NULL, 
	action VARCHAR(10) NOT NULL, 
	field VARCHAR(60), 
	old_value TEXT, 
	new_value TEXT, 
	CONSTRAINT pk_change PRIMARY KEY (id)
);
CREATE TABLE cofinancing_line (
	project_id VARCHAR(36) NOT NULL, 
	funder_partner_id VARCHAR(36), 
	funder_name VARCHAR(200), 
	instrument VARCHAR(200), 
	status VARCHAR(20) NOT NULL, 
	amount_requested NUMERIC(14, 2), 
	amount_granted NUMERIC(14, 2), 
	date_requested DATE, 
	date_decided DATE, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_cofinancing_line PRIMARY KEY (id), 
	CONSTRAINT fk_cofinancing_line_funder_partner_id_partner FOREIGN KEY(funder_partner_id) REFERENCES partner (id), 
	CONSTRAINT fk_cofinancing_line_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE collection_round (
	title VARCHAR(200) NOT NULL, 
	period_id VARCHAR(36) NOT NULL, 
	deadline DATE NOT NULL, 
	instructions TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, status VARCHAR(10) DEFAULT 'open' NOT NULL, 
	CONSTRAINT pk_collection_round PRIMARY KEY (id), 
	CONSTRAINT fk_collection_round_period_id_period FOREIGN KEY(period_id) REFERENCES period (id)
);
CREATE TABLE contact (
	name VARCHAR(200) NOT NULL, 
	position VARCHAR(200), 
	partner_id VARCHAR(36), 
	local_entity_id VARCHAR(36), 
	organisation VARCHAR(200), 
	email VARCHAR(200), 
	phone VARCHAR(60), 
	languages VARCHAR(100), 
	is_staff BOOLEAN NOT NULL, 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), 
	CONSTRAINT pk_contact PRIMARY KEY (id), 
	CONSTRAINT fk_contact_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_contact_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id)
);
CREATE TABLE contact_position (
	contact_id VARCHAR(36) NOT NULL, 
	position VARCHAR(200) NOT NULL, 
	organisation VARCHAR(200), 
	since DATE, 
	until DATE, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_contact_position PRIMARY KEY (id), 
	CONSTRAINT fk_contact_position_contact_id_contact FOREIGN KEY(contact_id) REFERENCES contact (id)
);
CREATE TABLE copy_seal (id INTEGER PRIMARY KEY CHECK (id = 1), crc32 INTEGER NOT NULL, pages INTEGER NOT NULL);
CREATE TABLE document (
	title VARCHAR(300) NOT NULL, 
	filename VARCHAR(300) NOT NULL, 
	media_type VARCHAR(100) NOT NULL, 
	category VARCHAR(30) NOT NULL, 
	size INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	content BLOB, 
	record_kind VARCHAR(40), 
	record_id VARCHAR(36), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, description TEXT, 
	CONSTRAINT pk_document PRIMARY KEY (id)
);
CREATE TABLE exchange_rate (
	currency VARCHAR(3) NOT NULL, 
	to_currency VARCHAR(3) NOT NULL, 
	year INTEGER NOT NULL, 
	rate NUMERIC(20, 10) NOT NULL, 
	source VARCHAR(200), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_exchange_rate PRIMARY KEY (id)
);
CREATE TABLE expected_result (
	activity_id VARCHAR(36) NOT NULL, 
	position INTEGER NOT NULL, 
	expected TEXT NOT NULL, 
	obtained TEXT, 
	objective_id VARCHAR(36), 
	indicator_id VARCHAR(36), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_expected_result PRIMARY KEY (id), 
	CONSTRAINT fk_expected_result_activity_id_activity FOREIGN KEY(activity_id) REFERENCES activity (id), 
	CONSTRAINT fk_expected_result_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id), 
	CONSTRAINT fk_expected_result_objective_id_strategic_objective FOREIGN KEY(objective_id) REFERENCES strategic_objective (id)
);
CREATE TABLE follow_up (
	activity_id VARCHAR(36) NOT NULL, 
	months INTEGER NOT NULL, 
	done_on DATE, 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_follow_up PRIMARY KEY (id), 
	CONSTRAINT fk_follow_up_activity_id_activity FOREIGN KEY(activity_id) REFERENCES activity (id)
);
CREATE TABLE "indicator" (
	code VARCHAR(20), 
	name VARCHAR(300) NOT NULL, 
	description TEXT, 
	dimension VARCHAR(20) NOT NULL, 
	measure VARCHAR(20) NOT NULL, 
	unit VARCHAR(60), 
	direction VARCHAR(10) NOT NULL, 
	cumulative BOOLEAN NOT NULL, 
	baseline_value FLOAT, 
	baseline_year INTEGER, 
	formula VARCHAR(60), 
	formula_filter VARCHAR(300), 
	per_local_entity BOOLEAN NOT NULL, 
	objective_id VARCHAR(36), 
	source VARCHAR(300), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), 
	continues_id VARCHAR(36), 
	CONSTRAINT pk_indicator PRIMARY KEY (id), 
	CONSTRAINT fk_indicator_objective_id_strategic_objective FOREIGN KEY(objective_id) REFERENCES strategic_objective (id), 
	CONSTRAINT fk_indicator_continues_id_indicator FOREIGN KEY(continues_id) REFERENCES indicator (id)
);
CREATE TABLE indicator_sdg (
	indicator_id VARCHAR(36) NOT NULL, 
	sdg INTEGER NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_indicator_sdg PRIMARY KEY (id), 
	CONSTRAINT fk_indicator_sdg_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id)
);
CREATE TABLE indicator_target (
	indicator_id VARCHAR(36) NOT NULL, 
	period_id VARCHAR(36) NOT NULL, 
	local_entity_id VARCHAR(36), 
	value FLOAT NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_indicator_target PRIMARY KEY (id), 
	CONSTRAINT fk_indicator_target_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id), 
	CONSTRAINT fk_indicator_target_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_indicator_target_period_id_period FOREIGN KEY(period_id) REFERENCES period (id)
);
CREATE TABLE local_entity (
	name VARCHAR(200) NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	code VARCHAR(40), 
	parent_id VARCHAR(36), 
	latitude FLOAT, 
	longitude FLOAT, 
	population INTEGER, 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), 
	CONSTRAINT pk_local_entity PRIMARY KEY (id), 
	CONSTRAINT fk_local_entity_parent_id_local_entity FOREIGN KEY(parent_id) REFERENCES local_entity (id)
);
CREATE TABLE measurement (
	indicator_id VARCHAR(36) NOT NULL, 
	period_id VARCHAR(36) NOT NULL, 
	local_entity_id VARCHAR(36), 
	value FLOAT, 
	scale_level INTEGER, 
	text TEXT, 
	measured_on DATE, 
	source VARCHAR(300), 
	evidence TEXT, 
	comment TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_measurement PRIMARY KEY (id), 
	CONSTRAINT fk_measurement_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id), 
	CONSTRAINT fk_measurement_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_measurement_period_id_period FOREIGN KEY(period_id) REFERENCES period (id)
);
CREATE TABLE membership (
	network_id VARCHAR(36) NOT NULL, 
	local_entity_id VARCHAR(36), 
	since DATE, 
	until DATE, 
	role VARCHAR(30) NOT NULL, 
	annual_fee NUMERIC(14, 2), 
	currency VARCHAR(3) NOT NULL, 
	focal_contact_id VARCHAR(36), 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, since_precision VARCHAR(5) DEFAULT 'day' NOT NULL, until_precision VARCHAR(5) DEFAULT 'day' NOT NULL, 
	CONSTRAINT pk_membership PRIMARY KEY (id), 
	CONSTRAINT fk_membership_focal_contact_id_contact FOREIGN KEY(focal_contact_id) REFERENCES contact (id), 
	CONSTRAINT fk_membership_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_membership_network_id_network FOREIGN KEY(network_id) REFERENCES network (id)
);
CREATE TABLE network (
	name VARCHAR(200) NOT NULL, 
	acronym VARCHAR(40), 
	scope VARCHAR(20) NOT NULL, 
	parent_id VARCHAR(36), 
	themes VARCHAR(300), 
	website VARCHAR(300), 
	description TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), 
	CONSTRAINT pk_network PRIMARY KEY (id), 
	CONSTRAINT fk_network_parent_id_network FOREIGN KEY(parent_id) REFERENCES network (id)
);
CREATE TABLE office (
	name VARCHAR(200) NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	country_code VARCHAR(2), 
	language VARCHAR(8) NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	iati_org_ref VARCHAR(100), 
	iati_org_type VARCHAR(4) NOT NULL, 
	logo BLOB, 
	logo_media_type VARCHAR(60), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_office PRIMARY KEY (id)
);
CREATE TABLE participation (
	membership_id VARCHAR(36) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	start_date DATE, 
	end_date DATE, 
	location VARCHAR(200), 
	country_code VARCHAR(2), 
	description TEXT, 
	outcome TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, start_date_precision VARCHAR(5) DEFAULT 'day' NOT NULL, end_date_precision VARCHAR(5) DEFAULT 'day' NOT NULL, 
	CONSTRAINT pk_participation PRIMARY KEY (id), 
	CONSTRAINT fk_participation_membership_id_membership FOREIGN KEY(membership_id) REFERENCES membership (id)
);
CREATE TABLE partner (
	name VARCHAR(200) NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	country_code VARCHAR(2) NOT NULL, 
	region VARCHAR(200), 
	latitude FLOAT, 
	longitude FLOAT, 
	population INTEGER, 
	geonames_id INTEGER, 
	iati_org_ref VARCHAR(100), 
	iati_org_type VARCHAR(4), 
	website VARCHAR(300), 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), 
	CONSTRAINT pk_partner PRIMARY KEY (id)
);
CREATE TABLE period (
	label VARCHAR(40) NOT NULL, 
	start_date DATE NOT NULL, 
	end_date DATE NOT NULL, 
	closed BOOLEAN NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_period PRIMARY KEY (id)
);
CREATE TABLE political_term (
	leader VARCHAR(200) NOT NULL, 
	leader_title VARCHAR(200), 
	start_date DATE NOT NULL, 
	end_date DATE, 
	plan_title VARCHAR(300), 
	plan_adopted_on DATE, 
	commitments TEXT, 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_political_term PRIMARY KEY (id)
);
CREATE TABLE project (
	title VARCHAR(300) NOT NULL, 
	description TEXT, 
	iati_identifier VARCHAR(150), 
	status VARCHAR(2) NOT NULL, 
	planned_start DATE, 
	planned_end DATE, 
	actual_start DATE, 
	actual_end DATE, 
	currency VARCHAR(3) NOT NULL, 
	location_name VARCHAR(200), 
	country_code VARCHAR(2), 
	latitude FLOAT, 
	longitude FLOAT, 
	lead_entity_id VARCHAR(36), 
	results TEXT, 
	lessons_learned TEXT, 
	notes TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	search_key VARCHAR(1000), planned_start_precision VARCHAR(5) DEFAULT 'day' NOT NULL, planned_end_precision VARCHAR(5) DEFAULT 'day' NOT NULL, actual_start_precision VARCHAR(5) DEFAULT 'day' NOT NULL, actual_end_precision VARCHAR(5) DEFAULT 'day' NOT NULL, 
	CONSTRAINT pk_project PRIMARY KEY (id), 
	CONSTRAINT fk_project_lead_entity_id_local_entity FOREIGN KEY(lead_entity_id) REFERENCES local_entity (id)
);
CREATE TABLE project_participant (
	project_id VARCHAR(36) NOT NULL, 
	local_entity_id VARCHAR(36), 
	partner_id VARCHAR(36), 
	organisation_name VARCHAR(200), 
	role VARCHAR(2) NOT NULL, 
	organisation_type VARCHAR(4), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_project_participant PRIMARY KEY (id), 
	CONSTRAINT fk_project_participant_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_project_participant_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id), 
	CONSTRAINT fk_project_participant_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE project_report (
	project_id VARCHAR(36) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	due_date DATE NOT NULL, 
	submitted_date DATE, 
	recipient VARCHAR(200), 
	status VARCHAR(20) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_project_report PRIMARY KEY (id), 
	CONSTRAINT fk_project_report_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE project_sdg (
	project_id VARCHAR(36) NOT NULL, 
	sdg INTEGER NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_project_sdg PRIMARY KEY (id), 
	CONSTRAINT fk_project_sdg_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE project_sector (
	project_id VARCHAR(36) NOT NULL, 
	code VARCHAR(10) NOT NULL, 
	percentage FLOAT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_project_sector PRIMARY KEY (id), 
	CONSTRAINT fk_project_sector_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE project_transaction (
	project_id VARCHAR(36) NOT NULL, 
	type VARCHAR(2) NOT NULL, 
	date DATE NOT NULL, 
	amount NUMERIC(14, 2) NOT NULL, 
	description VARCHAR(300), 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_project_transaction PRIMARY KEY (id), 
	CONSTRAINT fk_project_transaction_project_id_project FOREIGN KEY(project_id) REFERENCES project (id)
);
CREATE TABLE round_indicator (
	round_id VARCHAR(36) NOT NULL, 
	indicator_id VARCHAR(36) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_round_indicator PRIMARY KEY (id), 
	CONSTRAINT fk_round_indicator_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id), 
	CONSTRAINT fk_round_indicator_round_id_collection_round FOREIGN KEY(round_id) REFERENCES collection_round (id)
);
CREATE TABLE round_submission (
	round_id VARCHAR(36) NOT NULL, 
	local_entity_id VARCHAR(36) NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	submitted_at DATETIME, 
	reviewed_at DATETIME, 
	review_comment TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_round_submission PRIMARY KEY (id), 
	CONSTRAINT fk_round_submission_local_entity_id_local_entity FOREIGN KEY(local_entity_id) REFERENCES local_entity (id), 
	CONSTRAINT fk_round_submission_round_id_collection_round FOREIGN KEY(round_id) REFERENCES collection_round (id)
);
CREATE TABLE scale_level (
	indicator_id VARCHAR(36) NOT NULL, 
	level INTEGER NOT NULL, 
	label VARCHAR(200) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_scale_level PRIMARY KEY (id), 
	CONSTRAINT fk_scale_level_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id)
);
CREATE TABLE sent_change (
	change_id VARCHAR(36) NOT NULL, 
	CONSTRAINT pk_sent_change PRIMARY KEY (change_id)
);
CREATE TABLE server_link (
	id INTEGER NOT NULL, 
	server_url VARCHAR(500) NOT NULL, 
	account VARCHAR(100) NOT NULL, 
	client_id VARCHAR(36) NOT NULL, 
	cursor BIGINT NOT NULL, role VARCHAR(10), scope_entity_id VARCHAR(36), 
	CONSTRAINT pk_server_link PRIMARY KEY (id)
);
CREATE TABLE "strategic_line" (
	code VARCHAR(20), 
	title VARCHAR(300) NOT NULL, 
	description TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	term_id VARCHAR(36), 
	continues_id VARCHAR(36), 
	CONSTRAINT pk_strategic_line PRIMARY KEY (id), 
	CONSTRAINT fk_strategic_line_term_id_political_term FOREIGN KEY(term_id) REFERENCES political_term (id), 
	CONSTRAINT fk_strategic_line_continues_id_strategic_line FOREIGN KEY(continues_id) REFERENCES strategic_line (id)
);
CREATE TABLE strategic_objective (
	line_id VARCHAR(36) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	domain VARCHAR(40), 
	year INTEGER, 
	description TEXT, 
	id VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	origin_office VARCHAR(36), 
	deleted_at DATETIME, 
	CONSTRAINT pk_strategic_objective PRIMARY KEY (id), 
	CONSTRAINT fk_strategic_objective_line_id_strategic_line FOREIGN KEY(line_id) REFERENCES strategic_line (id)
);
CREATE INDEX ix_activity_agreement_id ON activity (agreement_id);
CREATE INDEX ix_activity_kind ON activity (kind);
CREATE INDEX ix_activity_local_entity_id ON activity (local_entity_id);
CREATE INDEX ix_activity_network_id ON activity (network_id);
CREATE INDEX ix_activity_partner_id ON activity (partner_id);
CREATE INDEX ix_activity_project_id ON activity (project_id);
CREATE INDEX ix_activity_search_key ON activity (search_key);
CREATE INDEX ix_activity_start_date ON activity (start_date);
CREATE INDEX ix_activity_updated_at ON activity (updated_at);
CREATE INDEX ix_agreement_amends_id ON agreement (amends_id);
CREATE INDEX ix_agreement_date_expires ON agreement (date_expires);
CREATE INDEX ix_agreement_date_signed ON agreement (date_signed);
CREATE INDEX ix_agreement_lower_country_codes ON agreement (lower(country_codes));
CREATE INDEX ix_agreement_lower_entity_names ON agreement (lower(entity_names));
CREATE INDEX ix_agreement_lower_partner_names ON agreement (lower(partner_names));
CREATE INDEX ix_agreement_lower_reference ON agreement (lower(reference));
CREATE INDEX ix_agreement_objective_agreement_id ON agreement_objective (agreement_id);
CREATE INDEX ix_agreement_objective_indicator_id ON agreement_objective (indicator_id);
CREATE INDEX ix_agreement_objective_updated_at ON agreement_objective (updated_at);
CREATE INDEX ix_agreement_party_agreement_id ON agreement_party (agreement_id);
CREATE INDEX ix_agreement_party_local_entity_id ON agreement_party (local_entity_id);
CREATE INDEX ix_agreement_party_partner_id ON agreement_party (partner_id);
CREATE INDEX ix_agreement_party_updated_at ON agreement_party (updated_at);
CREATE INDEX ix_agreement_project_agreement_id ON agreement_project (agreement_id);
CREATE INDEX ix_agreement_project_project_id ON agreement_project (project_id);
CREATE INDEX ix_agreement_project_updated_at ON agreement_project (updated_at);
CREATE INDEX ix_agreement_renews_id ON agreement (renews_id);
CREATE INDEX ix_agreement_responsible_id ON agreement (responsible_id);
CREATE INDEX ix_agreement_sdg_agreement_id ON agreement_sdg (agreement_id);
CREATE INDEX ix_agreement_sdg_sdg ON agreement_sdg (sdg);
CREATE INDEX ix_agreement_sdg_updated_at ON agreement_sdg (updated_at);
CREATE INDEX ix_agreement_search_key ON agreement (search_key);
CREATE INDEX ix_agreement_signatory_agreement_id ON agreement_signatory (agreement_id);
CREATE INDEX ix_agreement_signatory_updated_at ON agreement_signatory (updated_at);
CREATE INDEX ix_agreement_status ON agreement (status);
CREATE INDEX ix_agreement_theme_agreement_id ON agreement_theme (agreement_id);
CREATE INDEX ix_agreement_theme_theme ON agreement_theme (theme);
CREATE INDEX ix_agreement_theme_updated_at ON agreement_theme (updated_at);
CREATE INDEX ix_agreement_type ON agreement (type);
CREATE INDEX ix_agreement_updated_at ON agreement (updated_at);
CREATE INDEX ix_budget_line_project_id ON budget_line (project_id);
CREATE INDEX ix_budget_line_updated_at ON budget_line (updated_at);
CREATE INDEX ix_change_changed_at ON change (changed_at);
CREATE INDEX ix_change_record_id ON change (record_id);
CREATE INDEX ix_cofinancing_line_funder_partner_id ON cofinancing_line (funder_partner_id);
CREATE INDEX ix_cofinancing_line_project_id ON cofinancing_line (project_id);
CREATE INDEX ix_cofinancing_line_updated_at ON cofinancing_line (updated_at);
CREATE INDEX ix_collection_round_period_id ON collection_round (period_id);
CREATE INDEX ix_collection_round_updated_at ON collection_round (updated_at);
CREATE INDEX ix_contact_local_entity_id ON contact (local_entity_id);
CREATE INDEX ix_contact_name ON contact (name);
CREATE INDEX ix_contact_partner_id ON contact (partner_id);
CREATE INDEX ix_contact_position_contact_id ON contact_position (contact_id);
CREATE INDEX ix_contact_position_updated_at ON contact_position (updated_at);
CREATE INDEX ix_contact_search_key ON contact (search_key);
CREATE INDEX ix_contact_updated_at ON contact (updated_at);
CREATE INDEX ix_document_record_id ON document (record_id);
CREATE INDEX ix_document_updated_at ON document (updated_at);
CREATE INDEX ix_exchange_rate_updated_at ON exchange_rate (updated_at);
CREATE INDEX ix_expected_result_activity_id ON expected_result (activity_id);
CREATE INDEX ix_expected_result_indicator_id ON expected_result (indicator_id);
CREATE INDEX ix_expected_result_objective_id ON expected_result (objective_id);
CREATE INDEX ix_expected_result_updated_at ON expected_result (updated_at);
CREATE INDEX ix_follow_up_activity_id ON follow_up (activity_id);
CREATE INDEX ix_follow_up_updated_at ON follow_up (updated_at);
CREATE INDEX ix_indicator_continues_id ON indicator (continues_id);
CREATE INDEX ix_indicator_dimension ON indicator (dimension);
CREATE INDEX ix_indicator_objective_id ON indicator (objective_id);
CREATE INDEX ix_indicator_sdg_indicator_id ON indicator_sdg (indicator_id);
CREATE INDEX ix_indicator_sdg_updated_at ON indicator_sdg (updated_at);
CREATE INDEX ix_indicator_search_key ON indicator (search_key);
CREATE INDEX ix_indicator_target_indicator_id ON indicator_target (indicator_id);
CREATE INDEX ix_indicator_target_local_entity_id ON indicator_target (local_entity_id);
CREATE INDEX ix_indicator_target_period_id ON indicator_target (period_id);
CREATE INDEX ix_indicator_target_updated_at ON indicator_target (updated_at);
CREATE INDEX ix_indicator_updated_at ON indicator (updated_at);
CREATE INDEX ix_local_entity_name ON local_entity (name);
CREATE INDEX ix_local_entity_parent_id ON local_entity (parent_id);
CREATE INDEX ix_local_entity_search_key ON local_entity (search_key);
CREATE INDEX ix_local_entity_updated_at ON local_entity (updated_at);
CREATE INDEX ix_measurement_indicator_id ON measurement (indicator_id);
CREATE INDEX ix_measurement_local_entity_id ON measurement (local_entity_id);
CREATE INDEX ix_measurement_period_id ON measurement (period_id);
CREATE INDEX ix_measurement_updated_at ON measurement (updated_at);
CREATE INDEX ix_membership_focal_contact_id ON membership (focal_contact_id);
CREATE INDEX ix_membership_local_entity_id ON membership (local_entity_id);
CREATE INDEX ix_membership_network_id ON membership (network_id);
CREATE INDEX ix_membership_updated_at ON membership (updated_at);
CREATE INDEX ix_network_name ON network (name);
CREATE INDEX ix_network_parent_id ON network (parent_id);
CREATE INDEX ix_network_search_key ON network (search_key);
CREATE INDEX ix_network_updated_at ON network (updated_at);
CREATE INDEX ix_office_updated_at ON office (updated_at);
CREATE INDEX ix_participation_membership_id ON participation (membership_id);
CREATE INDEX ix_participation_start_date ON participation (start_date);
CREATE INDEX ix_participation_updated_at ON participation (updated_at);
CREATE INDEX ix_partner_country_code ON partner (country_code);
CREATE INDEX ix_partner_name ON partner (name);
CREATE INDEX ix_partner_search_key ON partner (search_key);
CREATE INDEX ix_partner_updated_at ON partner (updated_at);
CREATE INDEX ix_period_label ON period (label);
CREATE INDEX ix_period_updated_at ON period (updated_at);
CREATE INDEX ix_political_term_updated_at ON political_term (updated_at);
CREATE INDEX ix_project_lead_entity_id ON project (lead_entity_id);
CREATE INDEX ix_project_participant_local_entity_id ON project_participant (local_entity_id);
CREATE INDEX ix_project_participant_partner_id ON project_participant (partner_id);
CREATE INDEX ix_project_participant_project_id ON project_participant (project_id);
CREATE INDEX ix_project_participant_updated_at ON project_participant (updated_at);
CREATE INDEX ix_project_report_due_date ON project_report (due_date);
CREATE INDEX ix_project_report_project_id ON project_report (project_id);
CREATE INDEX ix_project_report_updated_at ON project_report (updated_at);
CREATE INDEX ix_project_sdg_project_id ON project_sdg (project_id);
CREATE INDEX ix_project_sdg_sdg ON project_sdg (sdg);
CREATE INDEX ix_project_sdg_updated_at ON project_sdg (updated_at);
CREATE INDEX ix_project_search_key ON project (search_key);
CREATE INDEX ix_project_sector_project_id ON project_sector (project_id);
CREATE INDEX ix_project_sector_updated_at ON project_sector (updated_at);
CREATE INDEX ix_project_status ON project (status);
CREATE INDEX ix_project_transaction_project_id ON project_transaction (project_id);
CREATE INDEX ix_project_transaction_updated_at ON project_transaction (updated_at);
CREATE INDEX ix_project_updated_at ON project (updated_at);
CREATE INDEX ix_round_indicator_indicator_id ON round_indicator (indicator_id);
CREATE INDEX ix_round_indicator_round_id ON round_indicator (round_id);
CREATE INDEX ix_round_indicator_updated_at ON round_indicator (updated_at);
CREATE INDEX ix_round_submission_local_entity_id ON round_submission (local_entity_id);
CREATE INDEX ix_round_submission_round_id ON round_submission (round_id);
CREATE INDEX ix_round_submission_updated_at ON round_submission (updated_at);
CREATE INDEX ix_scale_level_indicator_id ON scale_level (indicator_id);
CREATE INDEX ix_scale_level_updated_at ON scale_level (updated_at);
CREATE INDEX ix_strategic_line_continues_id ON strategic_line (continues_id);
CREATE INDEX ix_strategic_line_term_id ON strategic_line (term_id);
CREATE INDEX ix_strategic_line_updated_at ON strategic_line (updated_at);
CREATE INDEX ix_strategic_objective_line_id ON strategic_objective (line_id);
CREATE INDEX ix_strategic_objective_updated_at ON strategic_objective (updated_at);
CREATE UNIQUE INDEX uq_agreement_party_entity ON agreement_party (agreement_id, local_entity_id) WHERE deleted_at IS NULL AND local_entity_id IS NOT NULL;
CREATE UNIQUE INDEX uq_agreement_party_partner ON agreement_party (agreement_id, partner_id) WHERE deleted_at IS NULL AND partner_id IS NOT NULL;
CREATE UNIQUE INDEX uq_agreement_project ON agreement_project (agreement_id, project_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX uq_agreement_sdg ON agreement_sdg (agreement_id, sdg) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX uq_agreement_theme ON agreement_theme (agreement_id, theme) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX uq_exchange_rate_year ON exchange_rate (currency, to_currency, year) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX uq_indicator_sdg ON indicator_sdg (indicator_id, sdg) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX uq_indicator_target_entity ON indicator_target (indicator_id, period_id, local_entity_id) WHERE deleted_at IS NULL AND local_entity_id IS NOT NULL;
CREATE UNIQUE INDEX uq_indicator_target_office ON indicator_target (indicator_id, period_id) WHERE deleted_at IS NULL AND local_entity_id IS NULL;
CREATE UNIQUE INDEX uq_measurement_entity ON measurement (indicator_id, period_id, local_entity_id) WHERE deleted_at IS NULL AND local_entity_id IS NOT NULL;
CREATE UNIQUE INDEX uq_measurement_office ON measurement (indicator_id, period_id) WHERE deleted_at IS NULL AND local_entity_id IS NULL;
CREATE UNIQUE INDEX uq_project_sdg ON project_sdg (project_id, sdg) WHERE deleted_at IS NULL;
INSERT INTO "agreement_search" ("agreement_search") VALUES ('rebuild');
INSERT INTO "alembic_version" VALUES ('0015');
