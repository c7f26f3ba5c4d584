# Generated from forms/activity.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity.ui'
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
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ActivityForm(object):
    def setupUi(self, ActivityForm):
        if not ActivityForm.objectName():
            ActivityForm.setObjectName(u"ActivityForm")
        self.columns = QHBoxLayout(ActivityForm)
        self.columns.setObjectName(u"columns")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.activity_box = QGroupBox(ActivityForm)
        self.activity_box.setObjectName(u"activity_box")
        self.activity_box_layout = QFormLayout(self.activity_box)
        self.activity_box_layout.setObjectName(u"activity_box_layout")
        self.activity_box_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title_label = QLabel(self.activity_box)
        self.title_label.setObjectName(u"title_label")

        self.activity_box_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(self.activity_box)
        self.title.setObjectName(u"title")

        self.activity_box_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.kind_label = QLabel(self.activity_box)
        self.kind_label.setObjectName(u"kind_label")

        self.activity_box_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(self.activity_box)
        self.kind.setObjectName(u"kind")

        self.activity_box_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.status_label = QLabel(self.activity_box)
        self.status_label.setObjectName(u"status_label")

        self.activity_box_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(self.activity_box)
        self.status.setObjectName(u"status")

        self.activity_box_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.status)

        self.start_date_label = QLabel(self.activity_box)
        self.start_date_label.setObjectName(u"start_date_label")

        self.activity_box_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.start_date_label)

        self.start_date = QDateEdit(self.activity_box)
        self.start_date.setObjectName(u"start_date")

        self.activity_box_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.end_date_label = QLabel(self.activity_box)
        self.end_date_label.setObjectName(u"end_date_label")

        self.activity_box_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.end_date_label)

        self.end_date = QDateEdit(self.activity_box)
        self.end_date.setObjectName(u"end_date")

        self.activity_box_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.location_label = QLabel(self.activity_box)
        self.location_label.setObjectName(u"location_label")

        self.activity_box_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.location_label)

        self.location = QLineEdit(self.activity_box)
        self.location.setObjectName(u"location")

        self.activity_box_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.location)

        self.country_code_label = QLabel(self.activity_box)
        self.country_code_label.setObjectName(u"country_code_label")

        self.activity_box_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.country_code_label)

        self.country_code = QComboBox(self.activity_box)
        self.country_code.setObjectName(u"country_code")

        self.activity_box_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.country_code)


        self.left_column.addWidget(self.activity_box)

        self.cost_box = QGroupBox(ActivityForm)
        self.cost_box.setObjectName(u"cost_box")
        self.cost_box_layout = QFormLayout(self.cost_box)
        self.cost_box_layout.setObjectName(u"cost_box_layout")
        self.cost_box_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.participant_count_label = QLabel(self.cost_box)
        self.participant_count_label.setObjectName(u"participant_count_label")

        self.cost_box_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.participant_count_label)

        self.participant_count = QSpinBox(self.cost_box)
        self.participant_count.setObjectName(u"participant_count")
        self.participant_count.setMaximum(100000)

        self.cost_box_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.participant_count)

        self.cost_label = QLabel(self.cost_box)
        self.cost_label.setObjectName(u"cost_label")

        self.cost_box_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cost_label)

        self.cost = QDoubleSpinBox(self.cost_box)
        self.cost.setObjectName(u"cost")
        self.cost.setDecimals(2)
        self.cost.setMaximum(999999999.990000009536743)
        self.cost.setGroupSeparatorShown(True)

        self.cost_box_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cost)

        self.currency_label = QLabel(self.cost_box)
        self.currency_label.setObjectName(u"currency_label")

        self.cost_box_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.currency_label)

        self.currency = QComboBox(self.cost_box)
        self.currency.setObjectName(u"currency")

        self.cost_box_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.currency)


        self.left_column.addWidget(self.cost_box)

        self.links_box = QGroupBox(ActivityForm)
        self.links_box.setObjectName(u"links_box")
        self.links_box_layout = QFormLayout(self.links_box)
        self.links_box_layout.setObjectName(u"links_box_layout")
        self.links_box_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.local_entity_id_label = QLabel(self.links_box)
        self.local_entity_id_label.setObjectName(u"local_entity_id_label")

        self.links_box_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.local_entity_id_label)

        self.local_entity_id = QComboBox(self.links_box)
        self.local_entity_id.setObjectName(u"local_entity_id")

        self.links_box_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.local_entity_id)

        self.partner_id_label = QLabel(self.links_box)
        self.partner_id_label.setObjectName(u"partner_id_label")

        self.links_box_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.partner_id_label)

        self.partner_id = QComboBox(self.links_box)
        self.partner_id.setObjectName(u"partner_id")

        self.links_box_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.partner_id)

        self.agreement_id_label = QLabel(self.links_box)
        self.agreement_id_label.setObjectName(u"agreement_id_label")

        self.links_box_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agreement_id_label)

        self.agreement_id = QComboBox(self.links_box)
        self.agreement_id.setObjectName(u"agreement_id")

        self.links_box_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agreement_id)

        self.project_id_label = QLabel(self.links_box)
        self.project_id_label.setObjectName(u"project_id_label")

        self.links_box_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.project_id_label)

        self.project_id = QComboBox(self.links_box)
        self.project_id.setObjectName(u"project_id")

        self.links_box_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.project_id)

        self.network_id_label = QLabel(self.links_box)
        self.network_id_label.setObjectName(u"network_id_label")

        self.links_box_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.network_id_label)

        self.network_id = QComboBox(self.links_box)
        self.network_id.setObjectName(u"network_id")

        self.links_box_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.network_id)


        self.left_column.addWidget(self.links_box)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)

        self.left_column.setStretch(3, 1)

        self.columns.addLayout(self.left_column)

        self.right_column = QVBoxLayout()
        self.right_column.setObjectName(u"right_column")
        self.results_box = QGroupBox(ActivityForm)
        self.results_box.setObjectName(u"results_box")
        self.results_box_layout = QFormLayout(self.results_box)
        self.results_box_layout.setObjectName(u"results_box_layout")
        self.results_box_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.results_box_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.participants_label = QLabel(self.results_box)
        self.participants_label.setObjectName(u"participants_label")

        self.results_box_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.participants_label)

        self.participants = QPlainTextEdit(self.results_box)
        self.participants.setObjectName(u"participants")
        self.participants.setMinimumSize(QSize(0, 48))
        self.participants.setTabChangesFocus(True)

        self.results_box_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.participants)

        self.purpose_label = QLabel(self.results_box)
        self.purpose_label.setObjectName(u"purpose_label")

        self.results_box_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.purpose_label)

        self.purpose = QPlainTextEdit(self.results_box)
        self.purpose.setObjectName(u"purpose")
        self.purpose.setMinimumSize(QSize(0, 44))
        self.purpose.setTabChangesFocus(True)

        self.results_box_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.purpose)

        self.justification_label = QLabel(self.results_box)
        self.justification_label.setObjectName(u"justification_label")

        self.results_box_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.justification_label)

        self.justification = QPlainTextEdit(self.results_box)
        self.justification.setObjectName(u"justification")
        self.justification.setMinimumSize(QSize(0, 44))
        self.justification.setTabChangesFocus(True)

        self.results_box_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.justification)

        self.outcomes_label = QLabel(self.results_box)
        self.outcomes_label.setObjectName(u"outcomes_label")

        self.results_box_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.outcomes_label)

        self.outcomes = QPlainTextEdit(self.results_box)
        self.outcomes.setObjectName(u"outcomes")
        self.outcomes.setMinimumSize(QSize(0, 44))
        self.outcomes.setTabChangesFocus(True)

        self.results_box_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.outcomes)

        self.lessons_learned_label = QLabel(self.results_box)
        self.lessons_learned_label.setObjectName(u"lessons_learned_label")

        self.results_box_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lessons_learned_label)

        self.lessons_learned = QPlainTextEdit(self.results_box)
        self.lessons_learned.setObjectName(u"lessons_learned")
        self.lessons_learned.setMinimumSize(QSize(0, 44))
        self.lessons_learned.setTabChangesFocus(True)

        self.results_box_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lessons_learned)


        self.right_column.addWidget(self.results_box)


        self.columns.addLayout(self.right_column)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.kind_label.setBuddy(self.kind)
        self.status_label.setBuddy(self.status)
        self.start_date_label.setBuddy(self.start_date)
        self.end_date_label.setBuddy(self.end_date)
        self.location_label.setBuddy(self.location)
        self.country_code_label.setBuddy(self.country_code)
        self.participant_count_label.setBuddy(self.participant_count)
        self.cost_label.setBuddy(self.cost)
        self.currency_label.setBuddy(self.currency)
        self.local_entity_id_label.setBuddy(self.local_entity_id)
        self.partner_id_label.setBuddy(self.partner_id)
        self.agreement_id_label.setBuddy(self.agreement_id)
        self.project_id_label.setBuddy(self.project_id)
        self.network_id_label.setBuddy(self.network_id)
        self.participants_label.setBuddy(self.participants)
        self.purpose_label.setBuddy(self.purpose)
        self.justification_label.setBuddy(self.justification)
        self.outcomes_label.setBuddy(self.outcomes)
        self.lessons_learned_label.setBuddy(self.lessons_learned)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActivityForm)

        QMetaObject.connectSlotsByName(ActivityForm)
    # setupUi

    def retranslateUi(self, ActivityForm):
        self.activity_box.setTitle(_(u"Activity"))
        self.title_label.setText(_(u"Title"))
        self.title.setPlaceholderText(_(u"e.g. Mission to \u0141\u00f3d\u017a for the culture programme"))
        self.kind_label.setText(_(u"Kind"))
        self.status_label.setText(_(u"Status"))
        self.start_date_label.setText(_(u"Start date"))
        self.end_date_label.setText(_(u"End date"))
        self.location_label.setText(_(u"Place"))
        self.location.setPlaceholderText(_(u"City, venue"))
        self.country_code_label.setText(_(u"Country"))
        self.cost_box.setTitle(_(u"Attendance and cost"))
        self.participant_count_label.setText(_(u"Number of people"))
        self.cost_label.setText(_(u"Cost"))
        self.currency_label.setText(_(u"Currency"))
        self.links_box.setTitle(_(u"Linked to"))
        self.local_entity_id_label.setText(_(u"Our entity"))
        self.partner_id_label.setText(_(u"Partner"))
        self.agreement_id_label.setText(_(u"Agreement"))
        self.project_id_label.setText(_(u"Project"))
        self.network_id_label.setText(_(u"Network"))
        self.results_box.setTitle(_(u"Participants, purpose and results"))
        self.participants_label.setText(_(u"Participants"))
        self.participants.setPlaceholderText(_(u"Who took part, one name per line or separated by commas"))
        self.purpose_label.setText(_(u"Purpose"))
        self.justification_label.setText(_(u"Justification"))
        self.outcomes_label.setText(_(u"Outcomes"))
        self.lessons_learned_label.setText(_(u"Lessons learned"))
        pass
    # retranslateUi

