# Generated from forms/indicator.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator.ui'
##

##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from intl_desk.core.i18n import _
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QSplitter, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from intl_desk.ui.number_field import NumberField

class Ui_IndicatorForm(object):
    def setupUi(self, IndicatorForm):
        if not IndicatorForm.objectName():
            IndicatorForm.setObjectName(u"IndicatorForm")
        self.root_layout = QVBoxLayout(IndicatorForm)
        self.root_layout.setObjectName(u"root_layout")
        self.root_layout.setContentsMargins(0, 0, 0, 0)
        self.sections = QTabWidget(IndicatorForm)
        self.sections.setObjectName(u"sections")
        self.general_page = QWidget()
        self.general_page.setObjectName(u"general_page")
        self.general_layout = QGridLayout(self.general_page)
        self.general_layout.setObjectName(u"general_layout")
        self.indicator_group = QGroupBox(self.general_page)
        self.indicator_group.setObjectName(u"indicator_group")
        self.indicator_form = QFormLayout(self.indicator_group)
        self.indicator_form.setObjectName(u"indicator_form")
        self.indicator_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.indicator_form.setFormAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.code_label = QLabel(self.indicator_group)
        self.code_label.setObjectName(u"code_label")

        self.indicator_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code = QLineEdit(self.indicator_group)
        self.code.setObjectName(u"code")
        self.code.setMaximumSize(QSize(160, 16777215))
        self.code.setMaxLength(20)

        self.indicator_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code)

        self.name_label = QLabel(self.indicator_group)
        self.name_label.setObjectName(u"name_label")

        self.indicator_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(self.indicator_group)
        self.name.setObjectName(u"name")

        self.indicator_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name)

        self.description_label = QLabel(self.indicator_group)
        self.description_label.setObjectName(u"description_label")

        self.indicator_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(self.indicator_group)
        self.description.setObjectName(u"description")
        self.description.setMinimumSize(QSize(0, 60))
        self.description.setTabChangesFocus(True)

        self.indicator_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.description)

        self.dimension_label = QLabel(self.indicator_group)
        self.dimension_label.setObjectName(u"dimension_label")

        self.indicator_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dimension_label)

        self.dimension = QComboBox(self.indicator_group)
        self.dimension.setObjectName(u"dimension")

        self.indicator_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dimension)

        self.measure_label = QLabel(self.indicator_group)
        self.measure_label.setObjectName(u"measure_label")

        self.indicator_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.measure_label)

        self.measure = QComboBox(self.indicator_group)
        self.measure.setObjectName(u"measure")

        self.indicator_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.measure)

        self.unit_label = QLabel(self.indicator_group)
        self.unit_label.setObjectName(u"unit_label")

        self.indicator_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit = QLineEdit(self.indicator_group)
        self.unit.setObjectName(u"unit")

        self.indicator_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.unit)

        self.direction_label = QLabel(self.indicator_group)
        self.direction_label.setObjectName(u"direction_label")

        self.indicator_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.direction_label)

        self.direction = QComboBox(self.indicator_group)
        self.direction.setObjectName(u"direction")

        self.indicator_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.direction)

        self.cumulative = QCheckBox(self.indicator_group)
        self.cumulative.setObjectName(u"cumulative")

        self.indicator_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.cumulative)

        self.baseline_value_label = QLabel(self.indicator_group)
        self.baseline_value_label.setObjectName(u"baseline_value_label")

        self.indicator_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.baseline_value_label)

        self.baseline_value = NumberField(self.indicator_group)
        self.baseline_value.setObjectName(u"baseline_value")
        self.baseline_value.setDecimals(2)
        self.baseline_value.setMinimum(-999999999999.000000000000000)
        self.baseline_value.setMaximum(999999999999.000000000000000)
        self.baseline_value.setGroupSeparatorShown(True)

        self.indicator_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.baseline_value)

        self.baseline_year_label = QLabel(self.indicator_group)
        self.baseline_year_label.setObjectName(u"baseline_year_label")

        self.indicator_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.baseline_year_label)

        self.baseline_year = QSpinBox(self.indicator_group)
        self.baseline_year.setObjectName(u"baseline_year")
        self.baseline_year.setMinimum(1900)
        self.baseline_year.setMaximum(2200)

        self.indicator_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.baseline_year)

        self.objective_id_label = QLabel(self.indicator_group)
        self.objective_id_label.setObjectName(u"objective_id_label")

        self.indicator_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.objective_id_label)

        self.objective_id = QComboBox(self.indicator_group)
        self.objective_id.setObjectName(u"objective_id")

        self.indicator_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.objective_id)

        self.per_local_entity = QCheckBox(self.indicator_group)
        self.per_local_entity.setObjectName(u"per_local_entity")

        self.indicator_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.per_local_entity)

        self.source_label = QLabel(self.indicator_group)
        self.source_label.setObjectName(u"source_label")

        self.indicator_form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source = QLineEdit(self.indicator_group)
        self.source.setObjectName(u"source")

        self.indicator_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.source)


        self.general_layout.addWidget(self.indicator_group, 0, 0, 4, 1)

        self.computed_group = QGroupBox(self.general_page)
        self.computed_group.setObjectName(u"computed_group")
        self.computed_form = QFormLayout(self.computed_group)
        self.computed_form.setObjectName(u"computed_form")
        self.computed_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.computed_hint = QLabel(self.computed_group)
        self.computed_hint.setObjectName(u"computed_hint")
        self.computed_hint.setWordWrap(True)

        self.computed_form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.computed_hint)

        self.formula_name_label = QLabel(self.computed_group)
        self.formula_name_label.setObjectName(u"formula_name_label")

        self.computed_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formula_name_label)

        self.formula_name = QLineEdit(self.computed_group)
        self.formula_name.setObjectName(u"formula_name")
        self.formula_name.setReadOnly(True)

        self.computed_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formula_name)

        self.filter_text_label = QLabel(self.computed_group)
        self.filter_text_label.setObjectName(u"filter_text_label")

        self.computed_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.filter_text_label)

        self.filter_text = QLineEdit(self.computed_group)
        self.filter_text.setObjectName(u"filter_text")
        self.filter_text.setReadOnly(True)

        self.computed_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.filter_text)


        self.general_layout.addWidget(self.computed_group, 0, 1, 1, 1)

        self.scale_group = QGroupBox(self.general_page)
        self.scale_group.setObjectName(u"scale_group")
        self.scale_layout = QVBoxLayout(self.scale_group)
        self.scale_layout.setObjectName(u"scale_layout")
        self.scale_hint = QLabel(self.scale_group)
        self.scale_hint.setObjectName(u"scale_hint")
        self.scale_hint.setWordWrap(True)

        self.scale_layout.addWidget(self.scale_hint)


        self.general_layout.addWidget(self.scale_group, 1, 1, 1, 1)

        self.sdg_group = QGroupBox(self.general_page)
        self.sdg_group.setObjectName(u"sdg_group")
        self.sdg_layout = QVBoxLayout(self.sdg_group)
        self.sdg_layout.setObjectName(u"sdg_layout")

        self.general_layout.addWidget(self.sdg_group, 2, 1, 1, 1)

        self.general_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.general_layout.addItem(self.general_spacer, 3, 1, 1, 1)

        self.general_layout.setRowStretch(3, 1)
        self.general_layout.setColumnStretch(0, 5)
        self.general_layout.setColumnStretch(1, 4)
        self.sections.addTab(self.general_page, "")
        self.targets_page = QWidget()
        self.targets_page.setObjectName(u"targets_page")
        self.targets_layout = QVBoxLayout(self.targets_page)
        self.targets_layout.setObjectName(u"targets_layout")
        self.targets_hint = QLabel(self.targets_page)
        self.targets_hint.setObjectName(u"targets_hint")
        self.targets_hint.setWordWrap(True)

        self.targets_layout.addWidget(self.targets_hint)

        self.periods_bar = QFrame(self.targets_page)
        self.periods_bar.setObjectName(u"periods_bar")
        self.periods_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.periods_bar_layout = QVBoxLayout(self.periods_bar)
        self.periods_bar_layout.setObjectName(u"periods_bar_layout")
        self.periods_hint = QLabel(self.periods_bar)
        self.periods_hint.setObjectName(u"periods_hint")
        self.periods_hint.setWordWrap(True)

        self.periods_bar_layout.addWidget(self.periods_hint)

        self.periods_row = QHBoxLayout()
        self.periods_row.setObjectName(u"periods_row")
        self.first_year_label = QLabel(self.periods_bar)
        self.first_year_label.setObjectName(u"first_year_label")

        self.periods_row.addWidget(self.first_year_label)

        self.first_year = QSpinBox(self.periods_bar)
        self.first_year.setObjectName(u"first_year")
        self.first_year.setMinimum(1900)
        self.first_year.setMaximum(2200)

        self.periods_row.addWidget(self.first_year)

        self.last_year_label = QLabel(self.periods_bar)
        self.last_year_label.setObjectName(u"last_year_label")

        self.periods_row.addWidget(self.last_year_label)

        self.last_year = QSpinBox(self.periods_bar)
        self.last_year.setObjectName(u"last_year")
        self.last_year.setMinimum(1900)
        self.last_year.setMaximum(2200)

        self.periods_row.addWidget(self.last_year)

        self.add_periods = QPushButton(self.periods_bar)
        self.add_periods.setObjectName(u"add_periods")

        self.periods_row.addWidget(self.add_periods)

        self.periods_spacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periods_row.addItem(self.periods_spacer)


        self.periods_bar_layout.addLayout(self.periods_row)


        self.targets_layout.addWidget(self.periods_bar)

        self.sections.addTab(self.targets_page, "")
        self.measurements_page = QWidget()
        self.measurements_page.setObjectName(u"measurements_page")
        self.measurements_layout = QVBoxLayout(self.measurements_page)
        self.measurements_layout.setObjectName(u"measurements_layout")
        self.computed_note = QLabel(self.measurements_page)
        self.computed_note.setObjectName(u"computed_note")
        self.computed_note.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.computed_note.setWordWrap(True)

        self.measurements_layout.addWidget(self.computed_note)

        self.measurement_splitter = QSplitter(self.measurements_page)
        self.measurement_splitter.setObjectName(u"measurement_splitter")
        self.measurement_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.measurement_splitter.setChildrenCollapsible(False)
        self.measurement_list = QWidget(self.measurement_splitter)
        self.measurement_list.setObjectName(u"measurement_list")
        self.measurement_list_layout = QVBoxLayout(self.measurement_list)
        self.measurement_list_layout.setObjectName(u"measurement_list_layout")
        self.measurement_list_layout.setContentsMargins(0, 0, 0, 0)
        self.measurement_table = QTableWidget(self.measurement_list)
        self.measurement_table.setObjectName(u"measurement_table")
        self.measurement_table.setMinimumSize(QSize(380, 0))

        self.measurement_list_layout.addWidget(self.measurement_table)

        self.measurement_buttons = QHBoxLayout()
        self.measurement_buttons.setObjectName(u"measurement_buttons")
        self.add_measurement = QPushButton(self.measurement_list)
        self.add_measurement.setObjectName(u"add_measurement")

        self.measurement_buttons.addWidget(self.add_measurement)

        self.remove_measurement = QPushButton(self.measurement_list)
        self.remove_measurement.setObjectName(u"remove_measurement")

        self.measurement_buttons.addWidget(self.remove_measurement)

        self.measurement_buttons_spacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.measurement_buttons.addItem(self.measurement_buttons_spacer)


        self.measurement_list_layout.addLayout(self.measurement_buttons)

        self.measurement_splitter.addWidget(self.measurement_list)
        self.measurement_group = QGroupBox(self.measurement_splitter)
        self.measurement_group.setObjectName(u"measurement_group")
        self.measurement_group.setMinimumSize(QSize(300, 0))
        self.measurement_form = QFormLayout(self.measurement_group)
        self.measurement_form.setObjectName(u"measurement_form")
        self.measurement_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.m_period_id_label = QLabel(self.measurement_group)
        self.m_period_id_label.setObjectName(u"m_period_id_label")

        self.measurement_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.m_period_id_label)

        self.m_period_id = QComboBox(self.measurement_group)
        self.m_period_id.setObjectName(u"m_period_id")

        self.measurement_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.m_period_id)

        self.m_local_entity_id_label = QLabel(self.measurement_group)
        self.m_local_entity_id_label.setObjectName(u"m_local_entity_id_label")

        self.measurement_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.m_local_entity_id_label)

        self.m_local_entity_id = QComboBox(self.measurement_group)
        self.m_local_entity_id.setObjectName(u"m_local_entity_id")

        self.measurement_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.m_local_entity_id)

        self.m_value_label = QLabel(self.measurement_group)
        self.m_value_label.setObjectName(u"m_value_label")

        self.measurement_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.m_value_label)

        self.m_value = NumberField(self.measurement_group)
        self.m_value.setObjectName(u"m_value")
        self.m_value.setDecimals(2)
        self.m_value.setMinimum(-999999999999.000000000000000)
        self.m_value.setMaximum(999999999999.000000000000000)
        self.m_value.setGroupSeparatorShown(True)

        self.measurement_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.m_value)

        self.m_scale_level_label = QLabel(self.measurement_group)
        self.m_scale_level_label.setObjectName(u"m_scale_level_label")

        self.measurement_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.m_scale_level_label)

        self.m_scale_level = QComboBox(self.measurement_group)
        self.m_scale_level.setObjectName(u"m_scale_level")

        self.measurement_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.m_scale_level)

        self.m_text_label = QLabel(self.measurement_group)
        self.m_text_label.setObjectName(u"m_text_label")

        self.measurement_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.m_text_label)

        self.m_text = QPlainTextEdit(self.measurement_group)
        self.m_text.setObjectName(u"m_text")
        self.m_text.setTabChangesFocus(True)

        self.measurement_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.m_text)

        self.m_measured_on_label = QLabel(self.measurement_group)
        self.m_measured_on_label.setObjectName(u"m_measured_on_label")

        self.measurement_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.m_measured_on_label)

        self.m_measured_on = QDateEdit(self.measurement_group)
        self.m_measured_on.setObjectName(u"m_measured_on")

        self.measurement_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.m_measured_on)

        self.m_source_label = QLabel(self.measurement_group)
        self.m_source_label.setObjectName(u"m_source_label")

        self.measurement_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.m_source_label)

        self.m_source = QLineEdit(self.measurement_group)
        self.m_source.setObjectName(u"m_source")

        self.measurement_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.m_source)

        self.m_evidence_label = QLabel(self.measurement_group)
        self.m_evidence_label.setObjectName(u"m_evidence_label")

        self.measurement_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.m_evidence_label)

        self.m_evidence = QPlainTextEdit(self.measurement_group)
        self.m_evidence.setObjectName(u"m_evidence")
        self.m_evidence.setTabChangesFocus(True)

        self.measurement_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.m_evidence)

        self.m_comment_label = QLabel(self.measurement_group)
        self.m_comment_label.setObjectName(u"m_comment_label")

        self.measurement_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.m_comment_label)

        self.m_comment = QPlainTextEdit(self.measurement_group)
        self.m_comment.setObjectName(u"m_comment")
        self.m_comment.setTabChangesFocus(True)

        self.measurement_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.m_comment)

        self.measurement_splitter.addWidget(self.measurement_group)

        self.measurements_layout.addWidget(self.measurement_splitter)

        self.sections.addTab(self.measurements_page, "")

        self.root_layout.addWidget(self.sections)

#if QT_CONFIG(shortcut)
        self.code_label.setBuddy(self.code)
        self.name_label.setBuddy(self.name)
        self.description_label.setBuddy(self.description)
        self.dimension_label.setBuddy(self.dimension)
        self.measure_label.setBuddy(self.measure)
        self.unit_label.setBuddy(self.unit)
        self.direction_label.setBuddy(self.direction)
        self.baseline_value_label.setBuddy(self.baseline_value)
        self.baseline_year_label.setBuddy(self.baseline_year)
        self.objective_id_label.setBuddy(self.objective_id)
        self.source_label.setBuddy(self.source)
        self.formula_name_label.setBuddy(self.formula_name)
        self.filter_text_label.setBuddy(self.filter_text)
        self.first_year_label.setBuddy(self.first_year)
        self.last_year_label.setBuddy(self.last_year)
        self.m_period_id_label.setBuddy(self.m_period_id)
        self.m_local_entity_id_label.setBuddy(self.m_local_entity_id)
        self.m_value_label.setBuddy(self.m_value)
        self.m_scale_level_label.setBuddy(self.m_scale_level)
        self.m_text_label.setBuddy(self.m_text)
        self.m_measured_on_label.setBuddy(self.m_measured_on)
        self.m_source_label.setBuddy(self.m_source)
        self.m_evidence_label.setBuddy(self.m_evidence)
        self.m_comment_label.setBuddy(self.m_comment)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IndicatorForm)

        QMetaObject.connectSlotsByName(IndicatorForm)
    # setupUi

    def retranslateUi(self, IndicatorForm):
        self.indicator_group.setTitle(_(u"Indicator"))
        self.code_label.setText(_(u"Code"))
        self.name_label.setText(_(u"Name"))
        self.description_label.setText(_(u"Description"))
        self.dimension_label.setText(_(u"Dimension"))
        self.measure_label.setText(_(u"Measured as"))
        self.unit_label.setText(_(u"Unit"))
        self.unit.setPlaceholderText(_(u"agreements, EUR, %, visitors\u2026"))
        self.direction_label.setText(_(u"Direction"))
        self.cumulative.setText(_(u"Cumulative: each period adds to the ones before"))
        self.baseline_value_label.setText(_(u"Baseline value"))
        self.baseline_year_label.setText(_(u"Baseline year"))
        self.objective_id_label.setText(_(u"Strategic objective"))
        self.per_local_entity.setText(_(u"Measured separately for each local entity"))
        self.source_label.setText(_(u"Source"))
        self.source.setPlaceholderText(_(u"Where the figures come from"))
        self.computed_group.setTitle(_(u"Computed from the records"))
        self.computed_hint.setText(_(u"Intl Desk computes this indicator from the records of the file, so nobody types its figures twice; it takes no manual measurements."))
        self.formula_name_label.setText(_(u"Formula"))
        self.filter_text_label.setText(_(u"Filter"))
        self.scale_group.setTitle(_(u"Qualitative scale"))
        self.scale_hint.setText(_(u"Level 1 is the lowest. Each measurement picks one of these levels."))
        self.sdg_group.setTitle(_(u"Sustainable Development Goals"))
        self.sections.setTabText(self.sections.indexOf(self.general_page), _(u"General"))
        self.targets_hint.setText(_(u"The value to reach in each period; for a qualitative indicator, the level of the scale. For an indicator measured per local entity, a target without an entity covers them all."))
        self.periods_hint.setText(_(u"This file has no periods yet. Targets and measurements belong to a period: create one per calendar year."))
        self.first_year_label.setText(_(u"From"))
        self.last_year_label.setText(_(u"to"))
        self.add_periods.setText(_(u"Add year periods"))
#if QT_CONFIG(tooltip)
        self.add_periods.setToolTip(_(u"The periods are written to the file when you save the indicator."))
#endif // QT_CONFIG(tooltip)
        self.sections.setTabText(self.sections.indexOf(self.targets_page), _(u"Targets"))
        self.computed_note.setText(_(u"Computed from the records; no manual measurements."))
        self.add_measurement.setText(_(u"New measurement"))
        self.remove_measurement.setText(_(u"Remove the measurement"))
        self.measurement_group.setTitle(_(u"Selected measurement"))
        self.m_period_id_label.setText(_(u"Period"))
        self.m_local_entity_id_label.setText(_(u"Local entity"))
        self.m_value_label.setText(_(u"Value"))
        self.m_scale_level_label.setText(_(u"Level"))
        self.m_text_label.setText(_(u"What was observed"))
        self.m_measured_on_label.setText(_(u"Measured on"))
        self.m_source_label.setText(_(u"Source"))
        self.m_evidence_label.setText(_(u"Evidence"))
        self.m_evidence.setPlaceholderText(_(u"A document, a survey, minutes\u2026"))
        self.m_comment_label.setText(_(u"Comment"))
        self.m_comment.setPlaceholderText(_(u"What explains the figure, for the yearly report"))
        self.sections.setTabText(self.sections.indexOf(self.measurements_page), _(u"Measurements"))
        pass
    # retranslateUi

