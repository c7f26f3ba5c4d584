# Generated from forms/project.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'project.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDoubleSpinBox,
    QFormLayout, QGridLayout, QGroupBox, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QVBoxLayout, QWidget)

class Ui_ProjectForm(object):
    def setupUi(self, ProjectForm):
        if not ProjectForm.objectName():
            ProjectForm.setObjectName(u"ProjectForm")
        self.root_layout = QVBoxLayout(ProjectForm)
        self.root_layout.setObjectName(u"root_layout")
        self.root_layout.setContentsMargins(0, 0, 0, 0)
        self.sections = QTabWidget(ProjectForm)
        self.sections.setObjectName(u"sections")
        self.general_page = QWidget()
        self.general_page.setObjectName(u"general_page")
        self.general_layout = QGridLayout(self.general_page)
        self.general_layout.setObjectName(u"general_layout")
        self.project_group = QGroupBox(self.general_page)
        self.project_group.setObjectName(u"project_group")
        self.project_form = QFormLayout(self.project_group)
        self.project_form.setObjectName(u"project_form")
        self.project_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title_label = QLabel(self.project_group)
        self.title_label.setObjectName(u"title_label")

        self.project_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(self.project_group)
        self.title.setObjectName(u"title")

        self.project_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.status_label = QLabel(self.project_group)
        self.status_label.setObjectName(u"status_label")

        self.project_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(self.project_group)
        self.status.setObjectName(u"status")

        self.project_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.status)

        self.lead_entity_id_label = QLabel(self.project_group)
        self.lead_entity_id_label.setObjectName(u"lead_entity_id_label")

        self.project_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lead_entity_id_label)

        self.lead_entity_id = QComboBox(self.project_group)
        self.lead_entity_id.setObjectName(u"lead_entity_id")

        self.project_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lead_entity_id)

        self.iati_identifier_label = QLabel(self.project_group)
        self.iati_identifier_label.setObjectName(u"iati_identifier_label")

        self.project_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.iati_identifier_label)

        self.iati_identifier = QLineEdit(self.project_group)
        self.iati_identifier.setObjectName(u"iati_identifier")

        self.project_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.iati_identifier)

        self.description_label = QLabel(self.project_group)
        self.description_label.setObjectName(u"description_label")

        self.project_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(self.project_group)
        self.description.setObjectName(u"description")
        self.description.setMinimumSize(QSize(0, 70))
        self.description.setMaximumSize(QSize(16777215, 110))
        self.description.setTabChangesFocus(True)

        self.project_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.description)


        self.general_layout.addWidget(self.project_group, 0, 0, 1, 2)

        self.planned_group = QGroupBox(self.general_page)
        self.planned_group.setObjectName(u"planned_group")
        self.planned_form = QFormLayout(self.planned_group)
        self.planned_form.setObjectName(u"planned_form")
        self.planned_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.planned_start_label = QLabel(self.planned_group)
        self.planned_start_label.setObjectName(u"planned_start_label")

        self.planned_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.planned_start_label)

        self.planned_start = QDateEdit(self.planned_group)
        self.planned_start.setObjectName(u"planned_start")

        self.planned_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.planned_start)

        self.planned_end_label = QLabel(self.planned_group)
        self.planned_end_label.setObjectName(u"planned_end_label")

        self.planned_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.planned_end_label)

        self.planned_end = QDateEdit(self.planned_group)
        self.planned_end.setObjectName(u"planned_end")

        self.planned_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.planned_end)


        self.general_layout.addWidget(self.planned_group, 1, 0, 1, 1)

        self.actual_group = QGroupBox(self.general_page)
        self.actual_group.setObjectName(u"actual_group")
        self.actual_form = QFormLayout(self.actual_group)
        self.actual_form.setObjectName(u"actual_form")
        self.actual_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.actual_start_label = QLabel(self.actual_group)
        self.actual_start_label.setObjectName(u"actual_start_label")

        self.actual_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.actual_start_label)

        self.actual_start = QDateEdit(self.actual_group)
        self.actual_start.setObjectName(u"actual_start")

        self.actual_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.actual_start)

        self.actual_end_label = QLabel(self.actual_group)
        self.actual_end_label.setObjectName(u"actual_end_label")

        self.actual_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.actual_end_label)

        self.actual_end = QDateEdit(self.actual_group)
        self.actual_end.setObjectName(u"actual_end")

        self.actual_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.actual_end)


        self.general_layout.addWidget(self.actual_group, 1, 1, 1, 1)

        self.location_group = QGroupBox(self.general_page)
        self.location_group.setObjectName(u"location_group")
        self.location_form = QFormLayout(self.location_group)
        self.location_form.setObjectName(u"location_form")
        self.location_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.location_name_label = QLabel(self.location_group)
        self.location_name_label.setObjectName(u"location_name_label")

        self.location_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.location_name_label)

        self.location_name = QLineEdit(self.location_group)
        self.location_name.setObjectName(u"location_name")

        self.location_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.location_name)

        self.country_code_label = QLabel(self.location_group)
        self.country_code_label.setObjectName(u"country_code_label")

        self.location_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.country_code_label)

        self.country_code = QComboBox(self.location_group)
        self.country_code.setObjectName(u"country_code")

        self.location_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.country_code)

        self.latitude_label = QLabel(self.location_group)
        self.latitude_label.setObjectName(u"latitude_label")

        self.location_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.latitude_label)

        self.latitude = QDoubleSpinBox(self.location_group)
        self.latitude.setObjectName(u"latitude")
        self.latitude.setDecimals(4)
        self.latitude.setMinimum(-90.000000000000000)
        self.latitude.setMaximum(90.000000000000000)

        self.location_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.latitude)

        self.longitude_label = QLabel(self.location_group)
        self.longitude_label.setObjectName(u"longitude_label")

        self.location_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.longitude_label)

        self.longitude = QDoubleSpinBox(self.location_group)
        self.longitude.setObjectName(u"longitude")
        self.longitude.setDecimals(4)
        self.longitude.setMinimum(-180.000000000000000)
        self.longitude.setMaximum(180.000000000000000)

        self.location_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.longitude)


        self.general_layout.addWidget(self.location_group, 2, 0, 1, 2)

        self.sdg_group = QGroupBox(self.general_page)
        self.sdg_group.setObjectName(u"sdg_group")
        self.sdg_layout = QVBoxLayout(self.sdg_group)
        self.sdg_layout.setObjectName(u"sdg_layout")

        self.general_layout.addWidget(self.sdg_group, 0, 2, 1, 1)

        self.sector_group = QGroupBox(self.general_page)
        self.sector_group.setObjectName(u"sector_group")
        self.sector_layout = QVBoxLayout(self.sector_group)
        self.sector_layout.setObjectName(u"sector_layout")

        self.general_layout.addWidget(self.sector_group, 1, 2, 3, 1)

        self.general_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.general_layout.addItem(self.general_spacer, 3, 0, 1, 2)

        self.general_layout.setRowStretch(3, 1)
        self.general_layout.setColumnStretch(0, 3)
        self.general_layout.setColumnStretch(1, 3)
        self.general_layout.setColumnStretch(2, 4)
        self.sections.addTab(self.general_page, "")
        self.participants_page = QWidget()
        self.participants_page.setObjectName(u"participants_page")
        self.participants_layout = QVBoxLayout(self.participants_page)
        self.participants_layout.setObjectName(u"participants_layout")
        self.participants_hint = QLabel(self.participants_page)
        self.participants_hint.setObjectName(u"participants_hint")
        self.participants_hint.setWordWrap(True)

        self.participants_layout.addWidget(self.participants_hint)

        self.sections.addTab(self.participants_page, "")
        self.money_page = QWidget()
        self.money_page.setObjectName(u"money_page")
        self.money_layout = QVBoxLayout(self.money_page)
        self.money_layout.setObjectName(u"money_layout")
        self.currency_row = QWidget(self.money_page)
        self.currency_row.setObjectName(u"currency_row")
        self.currency_form = QFormLayout(self.currency_row)
        self.currency_form.setObjectName(u"currency_form")
        self.currency_form.setContentsMargins(0, 0, 0, 0)
        self.currency_label = QLabel(self.currency_row)
        self.currency_label.setObjectName(u"currency_label")

        self.currency_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currency_label)

        self.currency = QComboBox(self.currency_row)
        self.currency.setObjectName(u"currency")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.currency.sizePolicy().hasHeightForWidth())
        self.currency.setSizePolicy(sizePolicy)

        self.currency_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currency)


        self.money_layout.addWidget(self.currency_row)

        self.money_splitter = QSplitter(self.money_page)
        self.money_splitter.setObjectName(u"money_splitter")
        self.money_splitter.setOrientation(Qt.Orientation.Vertical)
        self.money_splitter.setChildrenCollapsible(False)
        self.budget_group = QGroupBox(self.money_splitter)
        self.budget_group.setObjectName(u"budget_group")
        self.budget_layout = QVBoxLayout(self.budget_group)
        self.budget_layout.setObjectName(u"budget_layout")
        self.budget_total = QLabel(self.budget_group)
        self.budget_total.setObjectName(u"budget_total")
        self.budget_total.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.budget_layout.addWidget(self.budget_total)

        self.money_splitter.addWidget(self.budget_group)
        self.cofinancing_group = QGroupBox(self.money_splitter)
        self.cofinancing_group.setObjectName(u"cofinancing_group")
        self.cofinancing_layout = QVBoxLayout(self.cofinancing_group)
        self.cofinancing_layout.setObjectName(u"cofinancing_layout")
        self.cofinancing_total = QLabel(self.cofinancing_group)
        self.cofinancing_total.setObjectName(u"cofinancing_total")
        self.cofinancing_total.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.cofinancing_layout.addWidget(self.cofinancing_total)

        self.money_splitter.addWidget(self.cofinancing_group)
        self.spending_group = QGroupBox(self.money_splitter)
        self.spending_group.setObjectName(u"spending_group")
        self.spending_layout = QVBoxLayout(self.spending_group)
        self.spending_layout.setObjectName(u"spending_layout")
        self.spending_total = QLabel(self.spending_group)
        self.spending_total.setObjectName(u"spending_total")
        self.spending_total.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.spending_layout.addWidget(self.spending_total)

        self.money_splitter.addWidget(self.spending_group)

        self.money_layout.addWidget(self.money_splitter)

        self.sections.addTab(self.money_page, "")
        self.reports_page = QWidget()
        self.reports_page.setObjectName(u"reports_page")
        self.reports_page_layout = QVBoxLayout(self.reports_page)
        self.reports_page_layout.setObjectName(u"reports_page_layout")
        self.reports_group = QGroupBox(self.reports_page)
        self.reports_group.setObjectName(u"reports_group")
        self.reports_layout = QVBoxLayout(self.reports_group)
        self.reports_layout.setObjectName(u"reports_layout")

        self.reports_page_layout.addWidget(self.reports_group)

        self.results_group = QGroupBox(self.reports_page)
        self.results_group.setObjectName(u"results_group")
        self.results_form = QFormLayout(self.results_group)
        self.results_form.setObjectName(u"results_form")
        self.results_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.results_label = QLabel(self.results_group)
        self.results_label.setObjectName(u"results_label")

        self.results_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.results_label)

        self.results = QPlainTextEdit(self.results_group)
        self.results.setObjectName(u"results")
        self.results.setTabChangesFocus(True)

        self.results_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.results)

        self.lessons_learned_label = QLabel(self.results_group)
        self.lessons_learned_label.setObjectName(u"lessons_learned_label")

        self.results_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lessons_learned_label)

        self.lessons_learned = QPlainTextEdit(self.results_group)
        self.lessons_learned.setObjectName(u"lessons_learned")
        self.lessons_learned.setTabChangesFocus(True)

        self.results_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lessons_learned)

        self.notes_label = QLabel(self.results_group)
        self.notes_label.setObjectName(u"notes_label")

        self.results_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(self.results_group)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.results_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.notes)


        self.reports_page_layout.addWidget(self.results_group)

        self.reports_page_layout.setStretch(0, 3)
        self.reports_page_layout.setStretch(1, 2)
        self.sections.addTab(self.reports_page, "")

        self.root_layout.addWidget(self.sections)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.status_label.setBuddy(self.status)
        self.lead_entity_id_label.setBuddy(self.lead_entity_id)
        self.iati_identifier_label.setBuddy(self.iati_identifier)
        self.description_label.setBuddy(self.description)
        self.planned_start_label.setBuddy(self.planned_start)
        self.planned_end_label.setBuddy(self.planned_end)
        self.actual_start_label.setBuddy(self.actual_start)
        self.actual_end_label.setBuddy(self.actual_end)
        self.location_name_label.setBuddy(self.location_name)
        self.country_code_label.setBuddy(self.country_code)
        self.latitude_label.setBuddy(self.latitude)
        self.longitude_label.setBuddy(self.longitude)
        self.currency_label.setBuddy(self.currency)
        self.results_label.setBuddy(self.results)
        self.lessons_learned_label.setBuddy(self.lessons_learned)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.status)
        QWidget.setTabOrder(self.status, self.lead_entity_id)
        QWidget.setTabOrder(self.lead_entity_id, self.iati_identifier)
        QWidget.setTabOrder(self.iati_identifier, self.description)
        QWidget.setTabOrder(self.description, self.planned_start)
        QWidget.setTabOrder(self.planned_start, self.planned_end)
        QWidget.setTabOrder(self.planned_end, self.actual_start)
        QWidget.setTabOrder(self.actual_start, self.actual_end)
        QWidget.setTabOrder(self.actual_end, self.location_name)
        QWidget.setTabOrder(self.location_name, self.country_code)
        QWidget.setTabOrder(self.country_code, self.latitude)
        QWidget.setTabOrder(self.latitude, self.longitude)

        self.retranslateUi(ProjectForm)

        QMetaObject.connectSlotsByName(ProjectForm)
    # setupUi

    def retranslateUi(self, ProjectForm):
        self.project_group.setTitle(_(u"Project"))
        self.title_label.setText(_(u"Title"))
        self.status_label.setText(_(u"Status"))
        self.lead_entity_id_label.setText(_(u"Lead entity"))
#if QT_CONFIG(tooltip)
        self.lead_entity_id.setToolTip(_(u"Which of our local entities leads the project"))
#endif // QT_CONFIG(tooltip)
        self.iati_identifier_label.setText(_(u"IATI identifier"))
        self.iati_identifier.setPlaceholderText(_(u"Your IATI organisation identifier, a dash, your project reference"))
        self.description_label.setText(_(u"Description"))
        self.planned_group.setTitle(_(u"Planned dates"))
        self.planned_start_label.setText(_(u"Start"))
        self.planned_end_label.setText(_(u"End"))
        self.actual_group.setTitle(_(u"Actual dates"))
        self.actual_start_label.setText(_(u"Start"))
        self.actual_end_label.setText(_(u"End"))
        self.location_group.setTitle(_(u"Where"))
        self.location_name_label.setText(_(u"Place"))
        self.location_name.setPlaceholderText(_(u"Type a place name: suggestions fill in the country and map position"))
        self.country_code_label.setText(_(u"Country"))
        self.latitude_label.setText(_(u"Latitude"))
        self.longitude_label.setText(_(u"Longitude"))
        self.sdg_group.setTitle(_(u"Sustainable Development Goals"))
        self.sector_group.setTitle(_(u"Sectors (OECD DAC codes)"))
        self.sections.setTabText(self.sections.indexOf(self.general_page), _(u"General"))
        self.participants_hint.setText(_(u"Pick one of our local entities or a partner from the lists, or type the name of any other organisation, then give its IATI role: funding, accountable, extending or implementing."))
        self.sections.setTabText(self.sections.indexOf(self.participants_page), _(u"Participants"))
        self.currency_label.setText(_(u"Currency of the amounts"))
        self.budget_group.setTitle(_(u"Budget per year"))
        self.cofinancing_group.setTitle(_(u"Co-financing sought from funders"))
        self.spending_group.setTitle(_(u"Spending and other transactions"))
        self.sections.setTabText(self.sections.indexOf(self.money_page), _(u"Money"))
        self.reports_group.setTitle(_(u"Reports due"))
        self.results_group.setTitle(_(u"Results, lessons and notes"))
        self.results_label.setText(_(u"Results"))
        self.results.setPlaceholderText(_(u"What changed thanks to the project"))
        self.lessons_learned_label.setText(_(u"Lessons learned"))
        self.lessons_learned.setPlaceholderText(_(u"What the next team should know"))
        self.notes_label.setText(_(u"Notes"))
        self.sections.setTabText(self.sections.indexOf(self.reports_page), _(u"Reports and results"))
        pass
    # retranslateUi

